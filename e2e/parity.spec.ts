// One engine, two hosts: every seed scenario computed through the page's worker equals the
// engine called directly in Node.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { simulate } from '../src/engine';
import { openPlayground } from './helpers';

const scenarioDir = new URL('../src/scenarios/', import.meta.url);
const scenarios = JSON.parse(readFileSync(new URL('index.json', scenarioDir), 'utf8')) as Array<{ id: string; file: string }>;

test('the worker and Node compute the same simulation for every seed scenario', { tag: '@dev' }, async ({ page }) => {
  await openPlayground(page);
  expect(scenarios.length).toBeGreaterThan(0);
  for (const scenario of scenarios) {
    const text = readFileSync(new URL(scenario.file, scenarioDir), 'utf8');
    const inNode = simulate([{ name: 'manifests.yaml', text }]);
    const inPage = await page.evaluate((t) => window.__kubeNetsim!.compute!(t), text);
    expect(inPage.host, scenario.id).toBe('worker');
    expect(inPage.result, scenario.id).toEqual({ kind: 'ok', simulation: JSON.parse(JSON.stringify(inNode)) });
  }
});

test('the page runs the engine in a worker', { tag: '@dev' }, async ({ page }) => {
  await openPlayground(page);
  await expect.poll(() => page.evaluate(() => window.__kubeNetsim!.engineHost!())).toBe('worker');
});

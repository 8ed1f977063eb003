// Page figures: the initial JavaScript and Monaco's chunk (gzipped), the time from navigation to a
// usable canvas in headless Chromium, and the longest main-thread task while typing into the largest
// scenario. Figures only: nothing passes or fails here (`npm run size` holds the budget). `npm run bench`.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort, waitForServer } from './preview-server';
import { chromium, type Browser } from '@playwright/test';
import { initialScripts, kb, monacoChunk } from './size-budget';

const OUT_DIR = 'dist-bench';
const RUNS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeToCanvas(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('service-shop/frontend').waitFor({ state: 'visible', timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now()); // since navigation start
  await context.close();
  return ms;
}

/** The longest task (>= 50 ms, Chromium's long-task threshold) while typing a line into the largest scenario. */
async function longestTaskWhileTyping(browser: Browser, url: string, scenarioId: string): Promise<number | null> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__kubeNetsim?.editorReady === true, undefined, { timeout: 60_000 });
  await page.getByTestId('scenario-picker').selectOption(scenarioId);
  const settled = () => page.waitForFunction(() => document.querySelector('[data-testid="engine-status"]')?.textContent !== 'Simulating…');
  await settled();
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n# typing: every key goes to the engine and back', { delay: 40 });
  await page.waitForTimeout(500); // let the last debounced simulation land and draw
  await settled();
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  await context.close();
  return tasks.length > 0 ? Math.max(...tasks) : null;
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');

  const initial = initialScripts(OUT_DIR);
  const monaco = monacoChunk(OUT_DIR);
  console.log('\npage: JavaScript (gzip -9)');
  console.log(`  initial (entry + preloads, Monaco and lazy chunks excluded)  ${kb(initial.reduce((n, c) => n + c.gzip, 0))} KB`);
  console.log(`  Monaco chunk (editor + YAML support, loaded after first paint)  ${monaco ? `${kb(monaco.gzip)} KB` : 'not found'}`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const preview = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  try {
    await waitForServer(url);
    await timeToCanvas(browser, url); // warm the server and the disk cache
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeToCanvas(browser, url));
    console.log(`  navigation to a usable canvas (three-tier, fresh browser context)  median ${median(times).toFixed(0)} ms of ${RUNS} (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);

    const scenarios = JSON.parse(readFileSync('src/scenarios/index.json', 'utf8')) as Array<{ id: string; file: string }>;
    const largest = scenarios.map((s) => ({ ...s, size: readFileSync(`src/scenarios/${s.file}`).length })).sort((a, b) => b.size - a.size)[0];
    const longest = await longestTaskWhileTyping(browser, url, largest.id);
    console.log(`  longest main-thread task while typing into ${largest.id} (${(largest.size / 1024).toFixed(1)} KB)  ${longest === null ? 'none over 50 ms' : `${longest.toFixed(0)} ms`}`);
  } finally {
    await browser.close();
    if (preview.pid) process.kill(-preview.pid);
  }
}

await main();

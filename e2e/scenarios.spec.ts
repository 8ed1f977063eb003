import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const scenarioCount = (JSON.parse(readFileSync(new URL('../src/scenarios/index.json', import.meta.url), 'utf8')) as unknown[]).length;
import { editorText, markers, openPlayground, pasteIntoMonaco, screenshotPath, setText, waitForSettled } from './helpers';

test('the scenario picker loads a seed, and asks before replacing an edited document', async ({ page }) => {
  await openPlayground(page);
  const picker = page.getByTestId('scenario-picker');
  // Every seed in src/scenarios/index.json is offered.
  await expect(picker.locator('option')).toHaveCount(scenarioCount);

  // Unedited: loads at once.
  await picker.selectOption('nodeport');
  await expect(page.getByTestId('service-default/hello')).toBeVisible();
  await expect(page.getByTestId('service-default/hello')).toContainText('NodePort');
  await expect(page.locator('[data-testid^="node-"]').first()).toContainText(':30080');
  expect(await editorText(page)).toContain('nodePort: 30080');

  // Edited: the user is asked; dismissing keeps the text.
  const edited = (await editorText(page)) + '\n# my note\n';
  await setText(page, edited);
  page.once('dialog', (dialog) => void dialog.dismiss());
  await picker.selectOption('headless');
  await expect.poll(() => editorText(page)).toBe(edited);

  page.once('dialog', (dialog) => void dialog.accept());
  await picker.selectOption('multi-port');
  await expect(page.getByTestId('service-default/web')).toBeVisible();
  expect(await editorText(page)).not.toContain('# my note');
});

test('a selection the new scenario does not have leaves no part of its canvas faded', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('service-shop/backend-api').click();
  const faded = page.locator('.react-flow__edge-path[style*="opacity: 0.35"]');
  await expect(faded).not.toHaveCount(0);
  await page.getByTestId('scenario-picker').selectOption('nodeport');
  await expect(page.getByTestId('service-default/hello')).toBeVisible();
  await expect(page.locator('.react-flow__edge-path')).not.toHaveCount(0);
  await expect(faded).toHaveCount(0);
});

test('if the worker cannot start, the engine runs on the main thread and the page still works', async ({ page }) => {
  await page.route(/engine\.worker.*\.js/, (route) => route.abort());
  await openPlayground(page);
  await expect(page.getByTestId('service-shop/frontend')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__kubeNetsim!.engineHost!())).toBe('main-thread');
});

function manyPods(count: number): string {
  const docs = [];
  const perDeployment = Math.ceil(count / 5);
  for (let i = 0; i < 5; i++) {
    const ns = i % 2 === 0 ? 'team-a' : 'team-b';
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${ns}
spec:
  replicas: ${perDeployment}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: main
          image: nginx
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: ${ns}
spec:
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: 8080`);
  }
  return docs.join('\n---\n') + '\n';
}

test('50 pods stay readable: screenshot', async ({ page }, testInfo) => {
  await openPlayground(page);
  await setText(page, manyPods(50));
  await expect(page.locator('[data-testid^="pod-team-a/app-0-"]')).toHaveCount(10);
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshotPath(testInfo, 'screenshot-50-pods.png') });
});

test('500 pods stay usable: the canvas draws, zooms and the editor still answers', async ({ page }) => {
  await openPlayground(page);
  await setText(page, manyPods(500));
  await expect(page.getByTestId('service-team-a/app-0')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('service-team-a/app-0')).toContainText('100 ready of 100 endpoints');
  // Past 300 pods they are drawn grouped, one card per workload and node, and the legend says so.
  await expect(page.getByTestId('grouped-pods-banner')).toContainText('500 pods, grouped');
  await expect(page.locator('.react-flow__node-pod')).toHaveCount(0);
  await expect(page.locator('[data-testid^="pods-"][data-testid$="-team-a/Deployment/app-0"]').first()).toBeVisible();
  await page.getByTestId('service-team-a/app-0').click();
  for (let i = 0; i < 6; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(page.getByTestId('details-panel')).toContainText('team-a/app-0');
  await page.locator('.react-flow__controls-fitview').click();
  await expect(page.getByTestId('engine-status')).toHaveText('Up to date');
});

test('before (or without) Monaco, a plain editor already edits the document', async ({ page }) => {
  await page.route(/MonacoEditor-.*\.js/, (route) => route.abort());
  await page.goto('./');
  const plain = page.getByTestId('plain-editor');
  await expect(plain).toBeVisible();
  await expect(plain).toHaveValue(/kind: Service/);
  await expect(page.getByTestId('service-shop/backend-api')).toHaveAttribute('data-no-endpoints', 'false');
  const text = await plain.inputValue();
  await plain.fill(text.replace('    app: backend\n  ports', '    app: nobody\n  ports'));
  await expect(page.getByTestId('service-shop/backend-api')).toHaveAttribute('data-no-endpoints', 'true');
});

test('a computation past the time limit is abandoned and the page says so', async ({ page }) => {
  // A limit no real computation meets: every answer is too late.
  await page.goto('./?engineTimeoutMs=1');
  await expect(page.getByTestId('engine-status')).toContainText('was stopped; the engine was restarted');
  await expect(page.getByTestId('plain-editor').or(page.locator('.monaco-editor'))).toBeVisible();
});

test('thousands of pods are drawn grouped, and the page still answers (2,000 pods, then replicas: 1e9): screenshot', async ({ page }, testInfo) => {
  await openPlayground(page);
  await pasteIntoMonaco(page, manyPods(2000));
  const banner = page.getByTestId('grouped-pods-banner');
  await expect(banner).toContainText('2,000 pods');
  await expect(banner).toContainText('grouped');
  await expect(page.locator('.react-flow__node-pod')).toHaveCount(0);
  const cards = page.locator('[data-testid^="pods-"][data-testid$="-team-a/Deployment/app-0"]');
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toContainText(/app-0 · \d+ pods/);
  await expect(cards.first()).toContainText('ready');
  await expect(page.getByTestId('service-team-a/app-0')).toContainText('400 ready of 400 endpoints');
  await waitForSettled(page);
  await page.screenshot({ path: screenshotPath(testInfo, 'canvas-2000-pods.png') });

  await cards.first().click();
  const details = page.getByTestId('details-panel');
  await expect(details).toContainText('team-a/app-0');
  await expect(details).toContainText(/Pods \(first 50 of \d+\)/);
  await expect(details).toContainText('Service team-a/app-0');

  // A packet from one of its pods to the Service travels between grouped cards.
  const pod = await details.locator('section', { hasText: 'Pods (first' }).locator('dt').first().innerText();
  await page.getByTestId('request-from').fill(`team-a/${pod}`);
  await page.getByTestId('request-to').fill('app-0.team-a:80');
  await page.getByTestId('request-send').click();
  await expect(page.getByTestId('trace-destination')).toContainText('team-a/app-0-');
  await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-moving', 'false');
  const lit = page.locator('.react-flow__node.is-on-path [data-testid^="pods-"][data-testid$="-team-a/Deployment/app-0"]');
  await expect(lit.first()).toBeVisible();
  await expect(page.getByTestId('canvas-caption')).not.toContainText('not drawn on the canvas');
  const marker = (await page.getByTestId('packet-marker').boundingBox())!;
  const corners = await lit.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y })));
  expect(corners.some((c) => Math.abs(c.x - marker.x) < 6 && Math.abs(c.y - marker.y) < 6)).toBe(true);

  // One pasted line asks for a billion pods: the engine builds 10,000 and says so; the page stays usable.
  await pasteIntoMonaco(page, manyPods(2000).replace('replicas: 400', 'replicas: 1000000000'));
  // 10,000 in all, CoreDNS's two (kube-system, hidden) among them.
  await expect(banner).toContainText('9,998 pods');
  await expect.poll(async () => (await markers(page)).some((m) => m.code === 'KN8003')).toBe(true);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n# still typing');
  await expect.poll(() => editorText(page)).toContain('# still typing');
  await waitForSettled(page);
  await expect(page.getByTestId('engine-status')).toHaveText('Up to date');
  // The nodes' pod CIDRs (/24) hold 252 pods each: thousands wait unscheduled, in one card.
  await page.getByTestId('pods-unscheduled-team-a/Deployment/app-0').click();
  await expect(details).toContainText(/Pods \(first 50 of \d,?\d{3}\)/);
});

// Canvas figures at many pods: the longest main-thread task (and the long tasks' sum) while the page
// draws a pasted manifest of N pods, and then while the user zooms and types. Long tasks are
// Chromium's (>= 50 ms, PerformanceObserver 'longtask'). Figures only: nothing passes or fails here.
// `npx tsx scripts/bench-canvas.ts [pods...]` (default 500 2000 10000); BENCH_URL reuses a running server.
import { spawn, spawnSync } from 'node:child_process';
import { freePort, waitForServer } from './preview-server';
import { chromium, type Browser, type Page } from '@playwright/test';

const OUT_DIR = 'dist-bench-canvas';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Five Deployments (two namespaces), each with its Service: the e2e suite's many-pods manifest. */
function manyPods(count: number): string {
  const per = Math.ceil(count / 5);
  return Array.from({ length: 5 }, (_, i) => {
    const ns = i % 2 === 0 ? 'team-a' : 'team-b';
    return `apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: ${ns}}
spec:
  replicas: ${per}
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers: [{name: main, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: ${ns}}
spec:
  selector: {app: app-${i}}
  ports: [{port: 80, targetPort: 8080}]`;
  }).join('\n---\n') + '\n';
}

async function startObserving(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

async function takeTasks(page: Page): Promise<{ longest: number; total: number; count: number }> {
  const tasks = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const taken = w.__longTasks;
    w.__longTasks = [];
    return taken;
  });
  return { longest: tasks.length ? Math.max(...tasks) : 0, total: tasks.reduce((a, b) => a + b, 0), count: tasks.length };
}

const settled = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-testid="engine-status"]')?.textContent === 'Up to date', undefined, { timeout: 300_000 });

async function measure(browser: Browser, url: string, pods: number): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('the page crashed'))));
  crashed.catch(() => undefined);
  await page.goto(url);
  await page.waitForFunction(() => window.__kubeNetsim?.editorReady === true, undefined, { timeout: 60_000 });
  await settled(page);
  await startObserving(page);
  const start = await page.evaluate(() => performance.now());
  const wall = Date.now();
  await page.evaluate((t) => window.__kubeNetsim!.setText!(t), manyPods(pods));
  try {
    await Promise.race([page.getByTestId('service-team-a/app-0').waitFor({ state: 'visible', timeout: 300_000 }), crashed]);
    await Promise.race([settled(page), crashed]);
  } catch (error) {
    console.log(`${String(pods).padStart(6)} pods  ${(error as Error).message} after ${((Date.now() - wall) / 1000).toFixed(0)} s`);
    await context.close();
    return;
  }
  const drawn = (await page.evaluate(() => performance.now())) - start;
  await page.waitForTimeout(1500); // the fit and the last frames
  const draw = await takeTasks(page);
  const cards = await page.locator('.react-flow__node').count();

  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__controls-fitview').click();
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n# typing', { delay: 40 });
  await page.waitForTimeout(500);
  await settled(page);
  await page.waitForTimeout(1000);
  const use = await takeTasks(page);
  await context.close();
  const f = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `${String(pods).padStart(6)} pods  ${String(cards).padStart(5)} canvas nodes  drawn after ${f(drawn)}  ` +
      `draw: longest ${f(draw.longest)}, ${draw.count} long tasks, sum ${f(draw.total)}  ` +
      `zoom+type: longest ${f(use.longest)}, sum ${f(use.total)}`,
  );
}

async function main(): Promise<void> {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
  let url = process.env.BENCH_URL;
  let preview: ReturnType<typeof spawn> | null = null;
  if (!url) {
    const build = spawnSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--logLevel', 'error'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    preview = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  try {
    await waitForServer(url);
    for (const pods of counts.length ? counts : [500, 2000, 10000]) await measure(browser, url, pods);
  } finally {
    await browser.close();
    if (preview?.pid) process.kill(-preview.pid);
  }
}

await main();

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { collectConsoleProblems, editorText, highlightedLines, lineOf, markers, openPlayground, pasteIntoMonaco, screenshotPath, setCursor, setText, waitForSettled } from './helpers';

const threeTier = readFileSync(new URL('../src/scenarios/three-tier.yaml', import.meta.url), 'utf8');

test('the default scenario loads with its Services, pods and nodes, and no console problems', { tag: '@dev' }, async ({ page }) => {
  const problems = collectConsoleProblems(page);
  await openPlayground(page);
  for (const id of ['service-shop/frontend', 'service-shop/backend-api', 'service-shop/database', 'lb-shop/frontend', 'client']) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  await expect(page.locator('[data-testid^="pod-shop/frontend-"]')).toHaveCount(3);
  await expect(page.locator('[data-testid^="pod-shop/backend-"]')).toHaveCount(2);
  await expect(page.getByTestId('pod-shop/database-0')).toBeVisible();
  await expect(page.getByTestId('pod-shop/database-1')).toBeVisible();
  await expect(page.locator('[data-testid^="node-"]')).not.toHaveCount(0);
  await expect(page.getByTestId('service-shop/database')).toContainText('Headless');
  await expect(page.locator('[data-no-endpoints="true"]')).toHaveCount(0);
  // Built-in kube-system objects are hidden until asked for.
  await expect(page.locator('[data-testid*="kube-system/"]')).toHaveCount(0);
  await page.getByTestId('toggle-builtin').check();
  await expect(page.locator('[data-testid*="kube-system/"]').first()).toBeAttached();
  await page.getByTestId('toggle-builtin').uncheck();
  await waitForSettled(page);
  expect(problems).toEqual([]);
});

test('typing a selector typo into Monaco marks the Service as having no endpoints, with a marker at the selector', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByTestId('service-shop/backend-api')).toHaveAttribute('data-no-endpoints', 'false');
  const serviceLine = lineOf(threeTier, 'name: backend', lineOf(threeTier, 'kind: Service', lineOf(threeTier, 'name: backend')));
  const selectorValueLine = lineOf(threeTier, 'app: backend', serviceLine);
  await setCursor(page, selectorValueLine);
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await expect.poll(() => editorText(page)).toContain('    app: backendx\n');

  const backend = page.getByTestId('service-shop/backend-api');
  await expect(backend).toHaveAttribute('data-no-endpoints', 'true');
  await expect(backend.getByTestId('no-endpoints-badge')).toBeVisible();
  await expect(backend).not.toContainText('undefined');
  await expect
    .poll(async () => (await markers(page, 'kube-netsim')).filter((m) => m.severity === 4).map((m) => m.startLineNumber))
    .toContainEqual(expect.any(Number));
  const warnings = (await markers(page, 'kube-netsim')).filter((m) => m.severity === 4);
  const selectorLine = selectorValueLine - 1;
  expect(warnings.some((m) => m.startLineNumber >= selectorLine && m.startLineNumber <= selectorValueLine)).toBe(true);
  // The other Services still reach their pods.
  await expect(page.getByTestId('service-shop/frontend')).toHaveAttribute('data-no-endpoints', 'false');
});

test('Space types into Monaco beside React Flow, and monaco-yaml validates what is typed', { tag: '@dev' }, async ({ page }) => {
  await openPlayground(page);
  const line = lineOf(threeTier, 'kind: Namespace');
  await setCursor(page, line);
  await page.keyboard.press('End');
  await page.keyboard.type(' # a note with spaces');
  await expect.poll(() => editorText(page)).toContain('kind: Namespace # a note with spaces\n');
  // A document without apiVersion and kind: the schema complains at once, the engine too.
  await pasteIntoMonaco(page, 'metadata:\n  name: lonely\n');
  await expect.poll(async () => (await markers(page)).filter((m) => m.owner === 'yaml').length).toBeGreaterThan(0);
  await expect.poll(async () => (await markers(page, 'kube-netsim')).length).toBeGreaterThan(0);
});

test('a pasted selector typo is explained on the Service and in the diagnostics list', async ({ page }) => {
  await openPlayground(page);
  const edited = threeTier.replace('  selector:\n    app: frontend\n  ports:', '  selector:\n    app: frontnd\n  ports:');
  expect(edited).not.toBe(threeTier);
  await pasteIntoMonaco(page, edited);
  const frontend = page.getByTestId('service-shop/frontend');
  await expect(frontend).toHaveAttribute('data-no-endpoints', 'true');
  await expect(frontend.locator('.reason')).not.toBeEmpty();
  const typoLine = lineOf(edited, 'app: frontnd');
  await expect.poll(async () => (await markers(page, 'kube-netsim')).some((m) => Math.abs(m.startLineNumber - typoLine) <= 1)).toBe(true);
  await expect(page.getByTestId('diagnostics').locator('.severity-warning').first()).toBeVisible();
});

test('a YAML syntax error shows a marker at its line while the rest of the canvas stays', async ({ page }) => {
  await openPlayground(page);
  const broken = threeTier.replace('  clusterIP: None\n', '  clusterIP: None\n  ports: [unclosed\n');
  const badLine = lineOf(broken, 'ports: [unclosed');
  await pasteIntoMonaco(page, broken);
  await expect
    .poll(async () => (await markers(page, 'kube-netsim')).filter((m) => m.severity === 8).map((m) => m.startLineNumber))
    .toContainEqual(expect.any(Number));
  const errors = (await markers(page, 'kube-netsim')).filter((m) => m.severity === 8);
  expect(errors.some((m) => m.startLineNumber >= badLine && m.startLineNumber <= badLine + 2)).toBe(true);
  await expect(page.getByTestId('service-shop/frontend')).toBeVisible();
  await expect(page.getByTestId('service-shop/backend-api')).toBeVisible();
  await expect(page.locator('[data-testid^="pod-shop/frontend-"]')).toHaveCount(3);
  await expect(page.getByTestId('canvas-error')).toHaveCount(0);
});

test('an edit survives a reload', async ({ page }) => {
  await openPlayground(page);
  const edited = threeTier.replace('replicas: 3', 'replicas: 5');
  await setText(page, edited);
  await expect(page.locator('[data-testid^="pod-shop/frontend-"]')).toHaveCount(5);
  await page.reload();
  await openPlayground(page);
  expect(await editorText(page)).toBe(edited);
  await expect(page.locator('[data-testid^="pod-shop/frontend-"]')).toHaveCount(5);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('replicas: 5');
});

test('clicking a Service opens its details and highlights its YAML; the cursor highlights the canvas', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('service-shop/backend-api').click();
  const details = page.getByTestId('details-panel');
  await expect(details).toBeVisible();
  await expect(details).toContainText('shop/backend-api');
  await expect(details).toContainText('app');
  await expect(details.locator('dd', { hasText: /^10\.244\./ }).first()).toBeVisible();
  const serviceStart = lineOf(threeTier, 'kind: Service', lineOf(threeTier, 'name: backend'));
  await expect
    .poll(() => highlightedLines(page))
    .toEqual([expect.objectContaining({ startLineNumber: expect.any(Number) })]);
  const [range] = await highlightedLines(page);
  expect(range.startLineNumber).toBeLessThanOrEqual(serviceStart);
  expect(range.endLineNumber).toBeGreaterThan(serviceStart);
  await expect(page.locator('.yaml-selected').first()).toBeVisible();

  // An edit above it moves the Service down a line; the highlight follows the new result.
  await setText(page, '# a new first line\n' + threeTier);
  await expect
    .poll(async () => (await highlightedLines(page))[0]?.startLineNumber)
    .toBe(range.startLineNumber + 1);

  // The cursor inside the frontend Deployment lights up the pods it made.
  const inDeployment = lineOf(threeTier, 'replicas: 3') + 1;
  await setCursor(page, inDeployment);
  await expect(page.locator('.react-flow__node.is-highlighted [data-testid^="pod-shop/frontend-"]')).toHaveCount(3);
});

test('the cursor highlight follows the result: an edit under the cursor lights up the pods it adds', async ({ page }) => {
  await openPlayground(page);
  const replicasLine = lineOf(threeTier, 'replicas: 3');
  await setCursor(page, replicasLine);
  const lit = page.locator('.react-flow__node.is-highlighted [data-testid^="pod-shop/frontend-"]');
  await expect(lit).toHaveCount(3);
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('5');
  await expect(page.locator('[data-testid^="pod-shop/frontend-"]')).toHaveCount(5);
  await expect(lit).toHaveCount(5);
});

test('the details panel docks beside the canvas and never hides the pod it describes', async ({ page }) => {
  await openPlayground(page);
  const pod = page.getByTestId('pod-shop/database-0');
  await pod.click();
  const details = page.getByTestId('details-panel');
  await expect(details).toContainText('shop/database-0');
  await expect(pod).toBeInViewport();
  await expect
    .poll(async () => {
      const [podBox, panelBox] = [await pod.boundingBox(), await details.boundingBox()];
      return podBox !== null && panelBox !== null && podBox.x + podBox.width <= panelBox.x;
    })
    .toBe(true);
});

test('clicking a diagnostic moves the editor to its line', async ({ page }) => {
  await openPlayground(page);
  await setText(page, threeTier.replace('    app: database\n  ports:', '    app: databse\n  ports:'));
  const item = page.getByTestId('diagnostics').locator('button.diagnostic').first();
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('databse');
});

test('the default scenario fits the first view, readable: every Service and pod in the viewport (screenshot)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page);
  await expect(page.getByTestId('service-shop/frontend')).toBeVisible();
  await waitForSettled(page);
  for (const id of ['client', 'lb-shop/frontend', 'node-node-1', 'service-shop/frontend', 'service-shop/backend-api', 'service-shop/database']) {
    await expect(page.getByTestId(id)).toBeInViewport();
  }
  const pods = page.locator('[data-testid^="pod-shop/"]');
  await expect(pods).toHaveCount(7);
  for (const pod of await pods.all()) await expect(pod).toBeInViewport();
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath(testInfo, 'screenshot.png') });
});

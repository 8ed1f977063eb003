import { expect, test } from '@playwright/test';
import { editorText, openPlayground, pasteIntoMonaco, setText, waitForMonaco, waitForSettled } from './helpers';

const MINE = `apiVersion: v1
kind: Service
metadata: {name: mine, namespace: shop}
spec:
  selector: {app: mine}
  ports: [{port: 80}]
`;

test('a hostile paste (alias bomb, deep nesting, 10,001 objects) is answered with diagnostics, and the text stays', async ({ page }) => {
  await openPlayground(page);
  const levels = ['  l0: &l0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `  l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`)];
  const namespaces = Array.from({ length: 10_001 }, (_, i) => `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"ns-${i}"}}`);
  const hostile = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${levels.join('\n')}\n---\n` +
    `a: ${'['.repeat(3000)}${']'.repeat(3000)}\n---\n` +
    `{"apiVersion":"v1","kind":"List","items":[${namespaces.join(',')}]}\n`;
  await pasteIntoMonaco(page, hostile);
  await expect(page.getByTestId('diagnostic-KN8004')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('diagnostic-KN8005')).toBeVisible();
  await expect(page.getByTestId('diagnostic-KN8002')).toBeVisible();
  expect(await editorText(page)).toBe(hostile);
});

test('a 5 MB paste is read up to the limit, says where it stopped, and the page keeps answering', async ({ page }) => {
  await openPlayground(page);
  const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c-${i}}\ndata: {blob: "${'x'.repeat(5_000)}"}\n`;
  const big = Array.from({ length: 1_000 }, (_, i) => doc(i)).join('---\n');
  expect(big.length).toBeGreaterThan(5_000_000);
  await setText(page, big);
  await expect(page.getByTestId('diagnostic-KN8001')).toBeVisible({ timeout: 45_000 });
  // The page still answers input, and nothing was lost.
  await page.getByTestId('panel-tab-dns').click();
  await expect(page.getByTestId('dns-panel')).toBeVisible();
  expect((await editorText(page)).length).toBe(big.length);
});

test('when the engine is stopped past its limit the page says so, the text stays, and it survives a reload', async ({ page }) => {
  await page.goto('./?engineTimeoutMs=1'); // no computation meets it: every answer is "too late"
  await waitForMonaco(page);
  await setText(page, MINE);
  await expect(page.getByTestId('engine-status')).toContainText('was stopped; the engine was restarted');
  expect(await editorText(page)).toBe(MINE);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('name: mine');

  // Autosave: a fresh load (no link, a normal limit) opens the same text and simulates it.
  await page.goto('./');
  await waitForMonaco(page);
  expect(await editorText(page)).toBe(MINE);
  await expect(page.getByTestId('service-shop/mine')).toBeVisible();
});

test('a copied link reopens the document, settings and view in a fresh browser', async ({ page, browser }) => {
  await openPlayground(page);
  await setText(page, MINE);
  await waitForSettled(page);
  await page.getByTestId('view-tab-matrix').click();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#v1:[A-Za-z0-9_-]+$/);
  // The address bar follows the document too (debounced).
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#${url.split('#')[1]}`);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(url);
  await waitForMonaco(fresh);
  expect(await editorText(fresh)).toBe(MINE);
  await expect(fresh.getByTestId('view-tab-matrix')).toHaveAttribute('aria-selected', 'true');
  await other.close();
});

test('a broken link opens the stored document with a message, not a blank page', async ({ page }) => {
  await openPlayground(page);
  await setText(page, MINE);
  await waitForSettled(page);
  await page.goto('./#v1:this-is-not-deflate');
  await page.reload(); // a new fragment alone does not reload the page
  await waitForMonaco(page);
  await expect(page.getByTestId('link-notice')).toContainText('This link could not be opened');
  await expect(page.getByTestId('link-notice')).toContainText('Showing your last document instead');
  expect(await editorText(page)).toBe(MINE);
  await expect(page.getByTestId('service-shop/mine')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss the link message' }).click();
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
});

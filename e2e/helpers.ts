import { expect, type ConsoleMessage, type Page, type TestInfo } from '@playwright/test';

export interface Marker {
  owner: string;
  severity: number;
  message: string;
  code: string | null;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Console errors and warnings the page printed (the harmless favicon request aside). */
export function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

export async function openPlayground(page: Page): Promise<void> {
  await page.goto('./');
  await waitForMonaco(page);
}

export async function waitForMonaco(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => window.__kubeNetsim?.editorReady === true, undefined, { timeout: 30_000 });
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__kubeNetsim!.getText!());
}

/** Sets the document through the test hook (setup only; see typing tests for real input). */
export async function setText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => window.__kubeNetsim!.setText!(t), text);
}

/** Replaces Monaco's text by a real clipboard paste (Monaco does not re-indent a paste). */
export async function pasteIntoMonaco(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorText(page)).toBe(text);
}

export async function markers(page: Page, owner?: string): Promise<Marker[]> {
  const all = (await page.evaluate(() => window.__kubeNetsim!.getMarkers!())) as Marker[];
  return owner ? all.filter((m) => m.owner === owner) : all;
}

/** Puts Monaco's cursor at the start of a 1-based line and focuses the editor. */
export async function setCursor(page: Page, line: number): Promise<void> {
  await page.evaluate((l) => window.__kubeNetsim!.setCursor!(l, 1), line);
}

/** The editor lines highlighted for the canvas element that is selected. */
export async function highlightedLines(page: Page): Promise<Array<{ startLineNumber: number; endLineNumber: number }>> {
  return page.evaluate(() => window.__kubeNetsim!.getHighlightedLines!());
}

/** 1-based line of the first line matching `pattern` at or after line `after`. */
export function lineOf(text: string, pattern: RegExp | string, after = 1): number {
  const lines = text.split('\n');
  for (let i = after - 1; i < lines.length; i++) {
    if (typeof pattern === 'string' ? lines[i].includes(pattern) : pattern.test(lines[i])) return i + 1;
  }
  throw new Error(`no line matches ${pattern}`);
}

export async function waitForSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('engine-status')).not.toHaveText('Simulating…');
}

/** Screenshots go to the test's output folder; `npm run screenshots` writes the README's pictures into docs/. */
export function screenshotPath(testInfo: TestInfo, name: string): string {
  return process.env.UPDATE_SCREENSHOTS ? `docs/${name}` : testInfo.outputPath(name);
}

/** Opens a seed scenario from the picker (the document is unedited, so no question is asked) and waits for its result. */
export async function loadScenario(page: Page, id: string): Promise<void> {
  await page.getByTestId('scenario-picker').selectOption(id);
  await waitForSettled(page);
}

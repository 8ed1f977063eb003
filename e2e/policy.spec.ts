import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleProblems, lineOf, loadScenario, openPlayground, pasteIntoMonaco, screenshotPath, setText, waitForSettled } from './helpers';

const THREE_TIER = readFileSync('src/scenarios/three-tier.yaml', 'utf8');
const SEED = readFileSync('src/scenarios/netpol-shop.yaml', 'utf8');

/** One NetworkPolicy document of the seed scenario, by name, with its comment. */
function seedPolicy(name: string): string {
  const doc = SEED.split(/^---$/m).find((d) => d.includes(`kind: NetworkPolicy`) && d.includes(`  name: ${name}\n`));
  if (!doc) throw new Error(`the seed has no NetworkPolicy ${name}`);
  return doc.trim();
}

const withPolicies = (...names: string[]) => [THREE_TIER.trimEnd(), ...names.map(seedPolicy)].join('\n---\n') + '\n';

async function openMatrix(page: Page): Promise<void> {
  await page.getByTestId('view-tab-matrix').click();
  await expect(page.getByTestId('matrix-grid')).toBeVisible();
}

async function setPort(page: Page, port: number): Promise<void> {
  await page.getByTestId('matrix-port').fill(String(port));
}

/** Pod keys of the matrix rows, in order (`shop/frontend-…`). */
async function matrixPods(page: Page, prefix = 'shop/'): Promise<string[]> {
  const ids = await page.locator(`[data-testid^="matrix-row-${prefix}"]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!));
  return ids.map((id) => id.slice('matrix-row-'.length));
}

const cell = (page: Page, from: string, to: string) => page.getByTestId(`matrix-cell-${from}-${to}`);

/** Every off-diagonal cell between `sources` and `destinations`, as `allowed` / `denied`. */
async function verdicts(page: Page, sources: string[], destinations: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const s of sources) for (const d of destinations) if (s !== d) out.push((await cell(page, s, d).getAttribute('data-verdict'))!);
  return out;
}

test('default deny turns the shop denied, the trace stops at the backend naming the policy, an allow rule opens frontend → backend and explains itself', async ({ page }, testInfo) => {
  await openPlayground(page);
  await waitForSettled(page);

  // Default deny (ingress) for every pod in shop, typed in as a user would paste it.
  await pasteIntoMonaco(page, withPolicies('default-deny-ingress'));
  await waitForSettled(page);
  await openMatrix(page);
  await setPort(page, 8080);
  const pods = await matrixPods(page);
  expect(pods.length).toBe(7);
  const frontend = pods.filter((p) => p.startsWith('shop/frontend-'));
  const backend = pods.filter((p) => p.startsWith('shop/backend-'));
  await expect(cell(page, frontend[0], backend[0])).toHaveAttribute('data-verdict', 'denied');
  expect(new Set(await verdicts(page, pods, pods))).toEqual(new Set(['denied']));
  // A pod may always reach itself; the symbol says so without colour.
  await expect(cell(page, frontend[0], frontend[0])).toHaveText('✓');
  await expect(cell(page, frontend[0], backend[0])).toHaveText('✕');
  await expect(page.getByTestId('matrix-summary')).toContainText('0 allowed');
  await expect(page.getByTestId('matrix-summary')).toContainText('42 denied');

  // The canvas marks every shop pod ingress-isolated.
  await page.getByTestId('view-tab-topology').click();
  await expect(page.getByTestId(`pod-${backend[0]}`).getByTestId('isolation-mark')).toHaveAttribute('data-ingress', 'true');
  await expect(page.getByTestId('isolation-mark')).toHaveCount(7);

  // A request from a frontend pod to backend-api stops at the backend pod, with the policy named.
  await page.getByTestId('request-from').fill(frontend[0]);
  await page.getByTestId('request-to').fill('backend-api.shop:80');
  await page.getByTestId('request-send').click();
  const drop = page.getByTestId('trace-drop');
  await expect(drop).toHaveAttribute('data-reason', 'POLICY_DENIED_INGRESS');
  await expect(drop).toContainText('shop/default-deny-ingress');
  await expect(drop).toContainText('shop/backend-');
  // On the canvas the packet stops on the backend pod the policy isolates, and the caption names the policy.
  const stoppedAt = (await drop.innerText()).match(/selects (shop\/backend-\S+) for ingress/)![1];
  const marker = page.getByTestId('packet-marker');
  await expect(marker).toHaveAttribute('data-dropped', 'true');
  await expect(marker).toHaveAttribute('data-moving', 'false');
  const at = (await marker.boundingBox())!;
  const pod = (await page.getByTestId(`pod-${stoppedAt}`).boundingBox())!;
  const centre = { x: at.x + at.width / 2, y: at.y + at.height / 2 };
  expect(centre.y).toBeGreaterThanOrEqual(pod.y - at.height);
  expect(centre.y).toBeLessThanOrEqual(pod.y + pod.height + at.height);
  await expect(page.locator('.canvas-caption-drop')).toContainText('shop/default-deny-ingress');
  await page.screenshot({ path: screenshotPath(testInfo, 'policy-trace-denied.png') });

  // The allow rule (frontend → backend on 8080) opens exactly that cell.
  const text = withPolicies('default-deny-ingress', 'allow-frontend-to-backend');
  await pasteIntoMonaco(page, text);
  await waitForSettled(page);
  await openMatrix(page);
  await expect(cell(page, frontend[0], backend[0])).toHaveAttribute('data-verdict', 'allowed');
  expect(new Set(await verdicts(page, frontend, backend))).toEqual(new Set(['allowed']));
  await expect(cell(page, backend[0], frontend[0])).toHaveAttribute('data-verdict', 'denied');
  await expect(page.getByTestId('matrix-summary')).toContainText('6 allowed');

  // Clicking the cell explains it and lights the rule in the editor.
  await cell(page, frontend[0], backend[0]).click();
  const explanation = page.getByTestId('matrix-explanation');
  await expect(explanation.getByTestId('explain-verdict')).toHaveAttribute('data-allowed', 'true');
  await expect(explanation.getByTestId('explain-ingress')).toContainText('shop/allow-frontend-to-backend');
  await expect(explanation.getByTestId('explain-ingress')).toContainText('allows (spec.ingress[0])');
  await expect(explanation.getByTestId('explain-egress')).toContainText('No policy selects');
  const policyStart = lineOf(text, 'name: allow-frontend-to-backend');
  const ruleFrom = lineOf(text, '- from:', policyStart);
  const rulePort = lineOf(text, 'port: 8080', policyStart);
  await expect.poll(async () => (await page.evaluate(() => window.__kubeNetsim!.getPolicyHighlightedLines!())).length).toBeGreaterThan(0);
  const lit = await page.evaluate(() => window.__kubeNetsim!.getPolicyHighlightedLines!());
  expect(lit.some((r) => r.startLineNumber <= ruleFrom && r.endLineNumber >= rulePort)).toBe(true);
  // Nothing outside the allow policy is lit.
  expect(lit.every((r) => r.startLineNumber >= policyStart)).toBe(true);
  await page.screenshot({ path: screenshotPath(testInfo, 'policy-matrix-explained.png') });

  // Trace this: the request bar is filled for the pair, ready to send.
  await explanation.getByTestId('explain-trace').click();
  await expect(page.getByTestId('request-from')).toHaveValue(frontend[0]);
  await expect(page.getByTestId('request-to')).toHaveValue(/^10\.244\.\d+\.\d+:8080$/);
  await page.getByTestId('request-send').click();
  await expect(page.getByTestId('trace-destination')).toContainText(backend[0]);
});

test('the matrix is a keyboard grid: arrows move between cells, Enter explains, Enter on a namespace closes it', async ({ page }) => {
  await openPlayground(page);
  await setText(page, withPolicies('default-deny-ingress', 'allow-frontend-to-backend'));
  await waitForSettled(page);
  await openMatrix(page);
  await setPort(page, 8080);
  const pods = await matrixPods(page);

  await page.getByTestId('matrix-grid').locator('[tabindex="0"]').focus();
  // Down to the namespace line, down to the first pod (backend-…), right past the namespace column to the first pod column.
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('data-pos'));
  await expect.poll(focused).toBe(`matrix-cell-${pods[0]}-${pods[1]}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('matrix-explanation')).toContainText(`${pods[0]} → ${pods[1]}`);
  // Roles, names and contrast hold up for a screen reader and the eye.
  const accessibility = await new AxeBuilder({ page }).include('[data-testid="matrix-view"]').analyze();
  expect(accessibility.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Home goes to the row header; Up reaches the namespace line, whose Enter closes the namespace.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await expect.poll(focused).toBe('matrix-row-ns-shop');
  await expect(page.getByTestId('matrix-row-ns-shop')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('matrix-row-ns-shop')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('[data-testid^="matrix-row-shop/"]')).toHaveCount(0);
  // Closed, the namespace is one line with a count.
  await expect(page.getByTestId('matrix-grid').locator('td[aria-label*="namespace shop to namespace shop"]')).toHaveText('13/49');
});

test('policy flows on the canvas, and a plugin that does not enforce says so', async ({ page }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await openPlayground(page);
  await setText(page, withPolicies('default-deny-ingress', 'allow-frontend-to-backend'));
  await waitForSettled(page);
  await openMatrix(page);
  await setPort(page, 8080);
  await page.getByTestId('view-tab-topology').click();

  await page.getByTestId('toggle-policy-flows').check();
  // One flow: the frontend workload to the backend workload, at the matrix's port.
  await expect(page.locator('.react-flow__edge.policy-flow')).toHaveCount(1);
  await expect(page.getByTestId('policy-legend')).toContainText('8080/TCP');
  await page.screenshot({ path: screenshotPath(testInfo, 'policy-flows.png') });

  // The cluster settings may sit behind a summary that opens them.
  const settings = page.getByTestId('cluster-settings-summary');
  if ((await settings.count()) > 0) await settings.click();
  await page.getByTestId('setting-network-plugin').selectOption('flannel');
  await waitForSettled(page);
  await expect(page.getByTestId('isolation-mark').first()).toHaveAttribute('data-enforced', 'false');
  await expect(page.getByTestId('policy-not-enforced')).toContainText('flannel does not enforce');
  await expect(page.locator('.react-flow__edge.policy-flow')).toHaveCount(0);
  await openMatrix(page);
  await expect(page.getByTestId('matrix-not-enforced')).toContainText('present but not enforced');
  await expect(page.getByTestId('matrix-summary')).toContainText('0 denied');
  // React Flow finds the flows' handles (it warns about an edge it cannot draw).
  expect(problems).toEqual([]);
});

test('DNS egress: the seed scenario at 53/UDP with kube-system shows shop reaching CoreDNS only', async ({ page }, testInfo) => {
  await openPlayground(page);
  await loadScenario(page, 'netpol-shop');
  await openMatrix(page);
  await setPort(page, 53);
  await page.getByTestId('matrix-protocol').selectOption('UDP');
  await page.getByTestId('matrix-namespace-kube-system').check();
  const shop = await matrixPods(page);
  const dns = await matrixPods(page, 'kube-system/');
  expect(dns.length).toBeGreaterThan(0);
  expect(new Set(await verdicts(page, shop, dns))).toEqual(new Set(['allowed']));
  expect(new Set(await verdicts(page, shop, shop))).toEqual(new Set(['denied']));
  await page.screenshot({ path: screenshotPath(testInfo, 'policy-matrix-dns.png') });
});

function manyPods(namespaces: number, perNamespace: number): string {
  const docs: string[] = [];
  for (let n = 0; n < namespaces; n++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: team-${n}
spec:
  replicas: ${perNamespace}
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: main
          image: nginx
          ports:
            - containerPort: 80`);
  }
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: team-0
spec:
  podSelector: {}`);
  return docs.join('\n---\n') + '\n';
}

test('500 pods: namespaces start closed with counts, and an open namespace renders only the cells on screen', async ({ page }, testInfo) => {
  await openPlayground(page);
  await setText(page, manyPods(5, 100));
  await waitForSettled(page);
  await openMatrix(page);
  await expect(page.getByTestId('matrix-summary')).toContainText('500 pods');
  // team-0's 100 pods are isolated for ingress with no rule: each is denied from the 499 other pods.
  await expect(page.getByTestId('matrix-summary')).toContainText(`${500 * 499 - 100 * 499} allowed`);
  await expect(page.locator('[data-testid^="matrix-row-ns-"]')).toHaveCount(5);
  await expect(page.getByTestId('matrix-row-ns-team-0')).toHaveAttribute('aria-expanded', 'false');
  await page.screenshot({ path: screenshotPath(testInfo, 'policy-matrix-500-closed.png') });

  await page.getByTestId('matrix-expand-all').click();
  await expect(page.getByTestId('matrix-row-ns-team-0')).toHaveAttribute('aria-expanded', 'true');
  const cells = await page.getByTestId('matrix-grid').locator('td[role="gridcell"]').count();
  expect(cells).toBeGreaterThan(50);
  expect(cells).toBeLessThan(5000);
  await page.screenshot({ path: screenshotPath(testInfo, 'policy-matrix-500-open.png') });
});

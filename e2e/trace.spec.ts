import { expect, test, type Page } from '@playwright/test';
import { collectConsoleProblems, editorText, lineOf, loadScenario, openPlayground, screenshotPath, setText, waitForSettled } from './helpers';

/** The address a canvas card shows first in monospace (a load balancer's `IP:port/TCP`, a node's IP). */
async function cardAddress(page: Page, testid: string): Promise<string> {
  return (await page.getByTestId(testid).locator('.mono').first().innerText()).replace(/\/TCP$/, '');
}

/** Waits for the packet to reach its last hop (or its drop) and stand still there. */
async function waitForArrival(page: Page): Promise<void> {
  await expect(page.getByTestId('trace-play')).toBeVisible();
  await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-moving', 'false');
}

/** The hop rows' destination addresses, and whether each was rewritten at that hop. */
async function hopDestinations(page: Page): Promise<Array<{ dst: string; rewritten: boolean }>> {
  return page.getByTestId('trace-hops').locator('[data-testid$="-packet-dst"]').evaluateAll((cells) =>
    cells.map((c) => ({ dst: (c.firstChild?.textContent ?? '').trim(), rewritten: c.getAttribute('data-rewritten') === 'true' })),
  );
}

/** After Send ×N: how many requests each of the `pods` rows got, smallest first. */
async function distribution(page: Page, pods: number): Promise<number[]> {
  const rows = page.getByTestId('trace-distribution').locator('[data-testid^="distribution-"]');
  await expect(rows).toHaveCount(pods);
  const counts = await rows.evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-count'))));
  return counts.sort((a, b) => a - b);
}

/** The packet stands on an element's top-left corner (leaving its name readable). */
async function markerIsAt(page: Page, testid: string): Promise<boolean> {
  const marker = (await page.getByTestId('packet-marker').boundingBox())!;
  const card = (await page.getByTestId(testid).boundingBox())!;
  return Math.abs(marker.x - card.x) < 6 && Math.abs(marker.y - card.y) < 6;
}

test('Send from outside to the frontend load balancer goes to a frontend pod, with the DNAT hop shown', { tag: '@dev' }, async ({ page }) => {
  const problems = collectConsoleProblems(page);
  await openPlayground(page);
  await waitForSettled(page);
  const lb = await cardAddress(page, 'lb-shop/frontend');
  // A fresh page is prefilled with the request worth trying first.
  await expect(page.getByTestId('request-from')).toHaveValue('external');
  await expect(page.getByTestId('request-src-ip')).toHaveValue('203.0.113.10');
  await expect(page.getByTestId('request-to')).toHaveValue(lb);

  await page.getByTestId('request-send').click();
  await expect(page.getByTestId('panel-tab-trace')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('trace-destination')).toContainText('shop/frontend-');
  await waitForArrival(page);

  const destination = (await page.getByTestId('trace-destination').innerText()).trim();
  const [pod, podAddress] = destination.split(/\s+/);
  expect(podAddress).toMatch(/^10\.244\.\d+\.\d+:80$/);
  // The packet stands on the pod it reached, and that pod is lit as part of the path.
  expect(await markerIsAt(page, `pod-${pod}`)).toBe(true);
  await expect(page.getByTestId(`rf__node-pod-${pod}`)).toHaveClass(/is-on-path/);

  // Somewhere on the way the load balancer's address was rewritten to the pod's (DNAT), in words too.
  const hops = await hopDestinations(page);
  const dnat = hops.findIndex((h) => h.rewritten && h.dst === podAddress);
  expect(dnat).toBeGreaterThan(0);
  expect(hops[dnat - 1].dst).not.toMatch(/^10\.244\./);
  expect(hops.map((h) => h.dst)).toContain(lb);
  await expect(page.getByTestId(`trace-hop-${dnat}-packet-dst`)).toContainText('DNAT');
  expect(problems).toEqual([]);
});

test('externalTrafficPolicy: Local: a NodePort on a node without the pod drops the request there, saying why', async ({ page }) => {
  await openPlayground(page);
  await loadScenario(page, 'external-traffic-policy-local');
  await expect(page.getByTestId('service-edge/web')).toBeVisible();
  const node1 = await cardAddress(page, 'node-node-1');
  await page.getByTestId('request-to').fill(`${node1}:30090`);
  await page.getByTestId('request-to').press('Enter');

  const drop = page.getByTestId('trace-drop');
  await expect(drop).toHaveAttribute('data-reason', 'NO_LOCAL_ENDPOINT');
  await expect(drop).toContainText('Dropped');
  await expect(page.getByTestId('trace-drop-reason')).toHaveText('NO_LOCAL_ENDPOINT');
  await waitForArrival(page);
  const marker = page.getByTestId('packet-marker');
  await expect(marker).toHaveAttribute('data-dropped', 'true');
  await expect(marker).toContainText('Dropped');
  // The caption on the canvas names the node that dropped it (kube-proxy there has no local pod).
  await expect(page.getByTestId('canvas-caption')).toContainText('dropped');
  await expect(page.getByTestId('canvas-caption').locator('.hop-label')).toHaveText('node-1');
  await expect(page.getByTestId('rf__node-node-node-2')).not.toHaveClass(/is-on-path/);

  // The Service's lines are lit in the editor: that is where the policy is written.
  const text = await editorText(page);
  const policyLine = lineOf(text, /^\s+externalTrafficPolicy: Local/);
  const lit = await page.evaluate(() => window.__kubeNetsim!.getTraceHighlightedLines!());
  expect(lit.some((r) => r.startLineNumber <= policyLine && policyLine <= r.endLineNumber)).toBe(true);

  // The same request to node-2, where the pod runs, arrives; an edit re-runs the shown request.
  await setText(page, text.replace('nodeName: node-2', 'nodeName: node-1'));
  await expect(page.getByTestId('trace-drop')).toHaveCount(0);
  await expect(page.getByTestId('trace-destination')).toContainText('edge/web-');
});

test('Send ×20 under ClientIP session affinity lands every request on one pod', async ({ page }) => {
  await openPlayground(page);
  await loadScenario(page, 'session-affinity');
  const lb = await cardAddress(page, 'lb-shop/cart');
  await expect(page.getByTestId('request-to')).toHaveValue(lb);
  await expect(page.getByTestId('request-count')).toHaveValue('20');
  await page.getByTestId('request-send-many').click();

  expect(await distribution(page, 3)).toEqual([0, 0, 20]);
  await expect(page.getByTestId('trace-distribution')).toContainText('20 requests: 20 delivered');
});

test('the keyboard alone steps the packet: arrow keys on the canvas, the step buttons in the Trace panel', async ({ page }) => {
  await openPlayground(page);
  await waitForSettled(page);
  await page.getByTestId('request-to').focus();
  await page.keyboard.press('Enter');
  await waitForArrival(page);
  const position = page.getByTestId('trace-position');
  const total = Number((await position.innerText()).split('/')[1]);
  await expect(position).toHaveText(`hop ${total}/${total}`);

  await page.getByTestId('canvas').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText(`hop ${total - 1}/${total}`);
  await expect(page.getByTestId(`trace-hop-${total - 2}`)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-hop', String(total - 2));
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText(`hop ${total - 2}/${total}`);

  // Space plays from there to the end.
  await page.keyboard.press(' ');
  await expect(position).toHaveText(`hop ${total}/${total}`);

  await page.getByTestId('trace-step-back').focus();
  await page.keyboard.press('Enter');
  await expect(position).toHaveText(`hop ${total - 1}/${total}`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('trace-step-forward')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(position).toHaveText(`hop ${total}/${total}`);

  // In a field the arrow keys move the caret, not the packet.
  await page.getByTestId('request-src-ip').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText(`hop ${total}/${total}`);
});

test('the request and the cluster settings survive a reload', async ({ page }) => {
  await openPlayground(page);
  await waitForSettled(page);
  await page.getByTestId('request-from').fill('shop/database-0');
  await expect(page.getByTestId('request-src-ip')).toHaveCount(0);
  await page.getByTestId('request-to').fill('backend-api.shop:80');
  await page.getByTestId('cluster-settings-summary').click();
  await page.getByTestId('setting-proxy-mode').selectOption('ipvs');
  await page.getByTestId('setting-ipvs-scheduler').selectOption('sh');
  // The page keeps the URL's share link current a moment after each change; a reload opens that link.
  const before = await page.evaluate(() => window.location.hash);
  await page.getByTestId('setting-network-plugin').selectOption('flannel');
  await expect.poll(() => page.evaluate(() => window.location.hash)).not.toBe(before);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('setting-network-plugin')).toBeHidden();
  await page.getByTestId('request-send').click();
  await expect(page.getByTestId('trace-destination')).toContainText('shop/backend-');

  await page.reload();
  await waitForSettled(page);
  await expect(page.getByTestId('request-from')).toHaveValue('shop/database-0');
  await expect(page.getByTestId('request-to')).toHaveValue('backend-api.shop:80');
  await expect(page.getByTestId('cluster-settings-summary')).toContainText('kube-proxy ipvs (sh) · Flannel');
  await page.getByTestId('cluster-settings-summary').click();
  await expect(page.getByTestId('setting-proxy-mode')).toHaveValue('ipvs');
  await expect(page.getByTestId('setting-ipvs-scheduler')).toHaveValue('sh');
  await expect(page.getByTestId('setting-network-plugin')).toHaveValue('flannel');
  await page.getByTestId('setting-proxy-mode').selectOption('iptables');
  await expect(page.getByTestId('setting-ipvs-scheduler')).toHaveCount(0);
});

test('a pasted kube-proxy ConfigMap decides the mode: the header says so, and IPVS source hashing sends ×20 to one pod', async ({ page }) => {
  await openPlayground(page);
  await waitForSettled(page);
  const configMap = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: kube-proxy',
    '  namespace: kube-system',
    'data:',
    '  config.conf: |',
    '    kind: KubeProxyConfiguration',
    '    mode: ipvs',
    '    ipvs:',
    '      scheduler: sh',
  ].join('\n');
  await setText(page, `${await editorText(page)}\n---\n${configMap}\n`);
  await expect(page.getByTestId('proxy-mode-overridden')).toBeVisible();
  await expect(page.getByTestId('cluster-settings-summary')).toContainText('kube-proxy ipvs (sh)');

  await page.getByTestId('request-send-many').click();
  expect(await distribution(page, 3)).toEqual([0, 0, 20]);
  await expect(page.getByTestId('trace-distribution')).toContainText('shop/frontend-');
});

test('a DNS hop in hidden kube-system keeps the packet where it was, says why, and moves once kube-system is shown', async ({ page }) => {
  await openPlayground(page);
  await waitForSettled(page);
  await page.getByTestId('request-from').fill('shop/database-0');
  await page.getByTestId('request-to').fill('backend-api.shop:80');
  await page.getByTestId('request-send').click();
  await waitForArrival(page);
  const coredns = page.getByTestId('trace-hops').locator('button', { has: page.locator('.hop-label', { hasText: /^kube-system\/coredns-/ }) });
  await coredns.click();
  await expect(page.getByTestId('canvas-caption')).toContainText('hidden on the canvas');
  await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-moving', 'false');
  expect(await markerIsAt(page, 'pod-shop/database-0')).toBe(true);

  await page.getByTestId('toggle-builtin').check();
  await expect(page.getByTestId('canvas-caption')).not.toContainText('hidden on the canvas');
  const pod = (await coredns.locator('.hop-label').innerText()).trim();
  await expect.poll(() => markerIsAt(page, `pod-${pod}`)).toBe(true);
});

test('a request whose Service is removed says its target is gone', async ({ page }) => {
  await openPlayground(page);
  await waitForSettled(page);
  await page.getByTestId('request-from').fill('shop/database-0');
  await page.getByTestId('request-to').fill('backend-api.shop:80');
  await page.getByTestId('request-send').click();
  await expect(page.getByTestId('trace-destination')).toContainText('shop/backend-');
  const text = await editorText(page);
  await setText(page, text.replace(/kind: Service\nmetadata:\n {2}name: backend-api/, 'kind: ConfigMap\nmetadata:\n  name: backend-api'));
  await expect(page.getByTestId('trace-target-gone')).toContainText('backend-api.shop:80');
  await expect(page.getByTestId('trace-destination')).toHaveCount(0);
});

test('a trace in mid-flight is readable: caption, packet and rewritten address (screenshot)', async ({ page }, testInfo) => {
  await openPlayground(page);
  await waitForSettled(page);
  await page.getByTestId('request-send').click();
  await waitForArrival(page);
  // Stand on the hop that rewrote the destination to the pod (DNAT).
  const dnat = (await hopDestinations(page)).findIndex((h, i) => i > 0 && h.rewritten && /^10\.244\./.test(h.dst));
  const last = Number(await page.getByTestId('packet-marker').getAttribute('data-hop'));
  for (let i = last; i > dnat; i--) await page.getByTestId('trace-step-back').click();
  await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-hop', String(dnat));
  await expect(page.getByTestId('packet-marker')).toHaveAttribute('data-moving', 'false');
  await expect(page.getByTestId('canvas-caption-packet-dst')).toHaveAttribute('data-rewritten', 'true');
  await page.screenshot({ path: screenshotPath(testInfo, 'trace.png') });
});

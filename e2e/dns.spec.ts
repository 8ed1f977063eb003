import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { editorText, loadScenario, openPlayground, screenshotPath, setText, waitForSettled } from './helpers';

interface SeedFacts {
  frontend: string;
  backendIP: string;
  databaseIPs: string[];
}

/** Names and addresses of the default scenario, read from the page's own simulation. */
async function seedFacts(page: Page): Promise<SeedFacts> {
  await expect.poll(() => page.evaluate(() => window.__kubeNetsim!.getSimulation!() !== null)).toBe(true);
  return page.evaluate(() => {
    type Sim = { cluster: { pods: Array<{ key: string; ready: boolean; podIP: string | null; owner: { name: string } | null }>; services: Array<{ key: string; clusterIP: string | null }> } };
    const { cluster } = window.__kubeNetsim!.getSimulation!() as Sim;
    return {
      frontend: cluster.pods.find((p) => p.owner?.name === 'frontend')!.key,
      backendIP: cluster.services.find((s) => s.key === 'shop/backend-api')!.clusterIP!,
      databaseIPs: cluster.pods.filter((p) => p.owner?.name === 'database' && p.ready).map((p) => p.podIP!).sort(),
    };
  });
}

async function openDnsPanel(page: Page): Promise<SeedFacts> {
  await openPlayground(page);
  await waitForSettled(page);
  const facts = await seedFacts(page);
  await page.getByTestId('panel-tab-dns').click();
  await expect(page.getByTestId('dns-panel')).toBeVisible();
  return facts;
}

async function lookUp(page: Page, from: string, name: string): Promise<void> {
  await page.getByTestId('dns-from').fill(from);
  await page.getByTestId('dns-name').fill(name);
  await page.getByTestId('dns-lookup').click();
  await expect(page.getByTestId('dns-result')).toContainText(name);
}

/** The whole panel in one picture: a viewport tall enough that the dock does not scroll. */
async function panelScreenshot(page: Page, testid: string, path: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 2000 });
  await page.getByTestId(testid).screenshot({ path });
  await page.setViewportSize({ width: 1440, height: 900 });
}

const queryRows = (page: Page) => page.getByTestId('dns-queries').getByTestId('dns-query');

test('from a frontend pod, backend-api resolves to its ClusterIP in one query, and the query travels to CoreDNS on the canvas', async ({ page }, testInfo) => {
  const { frontend, backendIP } = await openDnsPanel(page);
  await expect(page.getByTestId('toggle-builtin')).not.toBeChecked();
  // Keyboard only: type the name and press Enter.
  await page.getByTestId('dns-from').fill(frontend);
  await page.getByTestId('dns-name').focus();
  await page.keyboard.type('backend-api');
  await page.keyboard.press('Enter');

  await expect(queryRows(page)).toHaveCount(1);
  await expect(queryRows(page).first()).toContainText('backend-api.shop.svc.cluster.local.');
  await expect(queryRows(page).first()).toContainText('NOERROR');
  await expect(page.getByTestId('dns-record-data')).toHaveText([backendIP]);
  await expect(page.getByTestId('dns-why')).toHaveCount(0);
  await expect(page.getByTestId('dns-resolv-conf')).toContainText('nameserver 10.96.0.10');

  // kube-system comes into view so the path pod → kube-dns → CoreDNS can be drawn, and the panel says so.
  await expect(page.getByTestId('toggle-builtin')).toBeChecked();
  await expect(page.getByTestId('dns-builtin-note')).toBeVisible();
  await expect(page.getByTestId('service-kube-system/kube-dns')).toBeVisible();
  await expect(page.locator('[data-testid^="pod-kube-system/coredns-"]').first()).toBeVisible();

  await page.screenshot({ path: screenshotPath(testInfo, 'dns-backend-api-page.png') });
  await panelScreenshot(page, 'dns-panel', screenshotPath(testInfo, 'dns-backend-api.png'));
});

test('an external name walks the search list (NXDOMAIN each time) before the upstream answers, and the panel says why', async ({ page }, testInfo) => {
  const { frontend } = await openDnsPanel(page);
  await lookUp(page, frontend, 'example.com');

  await expect(queryRows(page)).toHaveCount(4);
  const rows = queryRows(page);
  for (const [i, search] of ['shop.svc.cluster.local.', 'svc.cluster.local.', 'cluster.local.'].entries()) {
    await expect(rows.nth(i)).toContainText(`example.com.${search}`);
    await expect(rows.nth(i)).toContainText('NXDOMAIN');
  }
  await expect(rows.nth(3)).toContainText('example.com.');
  await expect(rows.nth(3)).toContainText('NOERROR');
  await expect(page.getByTestId('dns-record-data')).toHaveText(['93.184.215.14']);
  await expect(page.getByTestId('dns-why')).toContainText('ndots:5');
  await expect(page.getByTestId('dns-why')).toContainText('trailing dot');

  // With the trailing dot the resolver sends exactly one query.
  await lookUp(page, frontend, 'example.com.');
  await expect(queryRows(page)).toHaveCount(1);
  await expect(page.getByTestId('dns-why')).toHaveCount(0);

  await page.getByTestId('dns-name').fill('example.com');
  await page.getByTestId('dns-lookup').click();
  await expect(queryRows(page)).toHaveCount(4);
  await panelScreenshot(page, 'dns-panel', screenshotPath(testInfo, 'dns-example-com.png'));
  const accessibility = await new AxeBuilder({ page }).include('[data-testid="dns-panel"]').analyze();
  expect(accessibility.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the headless Service database answers one A record per ready pod', async ({ page }) => {
  const { frontend, databaseIPs } = await openDnsPanel(page);
  expect(databaseIPs).toHaveLength(2);
  await lookUp(page, frontend, 'database');
  await expect(queryRows(page)).toHaveCount(1);
  await expect(page.getByTestId('dns-record')).toHaveCount(2);
  const data = await page.getByTestId('dns-record-data').allTextContents();
  expect(data.sort()).toEqual(databaseIPs);

  // The answer follows the document: a third replica is a third record, without asking again.
  const text = await editorText(page);
  const scaled = text.replace(/(kind: StatefulSet[\s\S]*?replicas: )2/, '$13');
  expect(scaled).not.toBe(text);
  await setText(page, scaled);
  await expect(page.getByTestId('dns-record')).toHaveCount(3);
});

test('a name added to the upstream resolves from a pod and travels with the document', async ({ page }) => {
  const { frontend } = await openDnsPanel(page);
  await expect(page.getByTestId('dns-upstream-host').filter({ hasText: 'api.github.com' })).toBeVisible();

  await page.getByTestId('dns-upstream-name').fill('bad_name');
  await page.getByTestId('dns-upstream-ip').fill('203.0.113.7');
  await page.getByTestId('dns-upstream-add').click();
  await expect(page.getByTestId('dns-upstream-problem')).toContainText('not a DNS name');

  await page.getByTestId('dns-upstream-name').fill('payments.example.org');
  await page.getByTestId('dns-upstream-ip').press('Enter');
  await expect(page.getByTestId('dns-upstream-host').filter({ hasText: 'payments.example.org' })).toContainText('203.0.113.7');

  await lookUp(page, frontend, 'payments.example.org');
  await expect(page.getByTestId('dns-record-data')).toHaveText(['203.0.113.7']);

  // Stored with the document's settings: still there after a reload.
  await page.reload();
  await page.getByTestId('panel-tab-dns').click();
  await expect(page.getByTestId('dns-upstream-host').filter({ hasText: 'payments.example.org' })).toContainText('203.0.113.7');
});

test('the DNS scenario: ndots:5 walks the search list, a pod with ndots:1 sends one query, an ExternalName answers with a CNAME', async ({ page }) => {
  await openPlayground(page);
  await loadScenario(page, 'dns-search');
  await expect(page.getByTestId('service-shop/legacy-db')).toBeVisible();
  await page.getByTestId('panel-tab-dns').click();

  await lookUp(page, 'shop/deploy/web', 'api.github.com');
  await expect(queryRows(page)).toHaveCount(4);
  await expect(page.getByTestId('dns-record-data')).toHaveText(['140.82.112.6']);

  await page.getByTestId('dns-from').fill('shop/deploy/lean');
  await page.getByTestId('dns-lookup').click();
  await expect(page.getByTestId('dns-resolv-conf')).toContainText('options ndots:1');
  await expect(queryRows(page)).toHaveCount(1);
  await expect(queryRows(page).first()).toContainText('api.github.com.');
  await expect(page.getByTestId('dns-why')).toHaveCount(0);

  await lookUp(page, 'shop/deploy/web', 'legacy-db');
  const records = page.getByTestId('dns-record');
  await expect(records).toHaveCount(2);
  await expect(records.nth(0)).toContainText('CNAME');
  await expect(records.nth(0)).toContainText('db.example.com.');
  await expect(records.nth(1)).toContainText('203.0.113.50');
});

test("the pod inspector shows a pod's resolv.conf and the Service environment variables of Services written before it", async ({ page }, testInfo) => {
  await openPlayground(page);
  await waitForSettled(page);
  const { frontend, backendIP } = await seedFacts(page);
  await page.getByTestId(`pod-${frontend}`).click();
  const details = page.getByTestId('details-panel');
  const conf = details.getByTestId('pod-resolv-conf');
  await expect(conf).toContainText('search shop.svc.cluster.local svc.cluster.local cluster.local');
  await expect(conf).toContainText('nameserver 10.96.0.10');
  await expect(conf).toContainText('options ndots:5');
  // The frontend Deployment comes before every Service of shop in the document: only the API server's.
  const env = details.getByTestId('pod-service-env');
  await expect(env).toContainText('KUBERNETES_SERVICE_HOST');
  await expect(env).not.toContainText('BACKEND_API_');
  await expect(details.getByTestId('pod-service-env-note')).toContainText('prefer DNS');
  await panelScreenshot(page, 'details-panel', screenshotPath(testInfo, 'dns-pod-inspector-frontend.png'));

  // The database StatefulSet comes after backend-api, so its pods were given its address.
  await page.getByTestId('pod-shop/database-0').click();
  await expect(details.getByRole('heading', { name: 'shop/database-0' })).toBeVisible();
  await expect(env.getByRole('listitem').filter({ hasText: 'BACKEND_API_SERVICE_HOST=' })).toHaveText(`BACKEND_API_SERVICE_HOST=${backendIP}`);
  await expect(env).not.toContainText('DATABASE_SERVICE_HOST');
  await panelScreenshot(page, 'details-panel', screenshotPath(testInfo, 'dns-pod-inspector-database.png'));
});

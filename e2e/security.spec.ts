import { expect, test, type Page } from '@playwright/test';
import { collectConsoleProblems, loadScenario, openPlayground, setText, waitForSettled } from './helpers';

// Each payload, if it ever ran, would set window.__pwned; if it were parsed as markup it would add an element.
const P = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  js: 'javascript:window.__pwned=3',
  template: "{{constructor.constructor('window.__pwned=4')()}}",
  svg: '"><svg onload=window.__pwned=5>',
};
const q = (s: string) => JSON.stringify(s);

/** Payloads in every field the page shows: names, kinds, labels, annotations, images, hosts, ports. */
const HOSTILE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web, evil: ${q(P.img)}}
  annotations: {note: ${q(P.script)}, link: ${q(P.js)}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations: {t: ${q(P.template)}}
    spec:
      hostname: ${q(P.svg)}
      containers:
        - name: ${q(P.img)}
          image: ${q(P.img)}
          ports: [{name: ${q(P.svg)}, containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  annotations: {a: ${q(P.svg)}}
spec:
  selector: {app: web, x: ${q(P.template)}}
  ports: [{name: http, port: 80, targetPort: ${q(P.script)}}]
---
apiVersion: v1
kind: Service
metadata: {name: ${q(P.img)}, namespace: ${q(P.script)}}
spec:
  type: ExternalName
  externalName: ${q(P.js)}
---
apiVersion: v1
kind: Pod
metadata: {name: ${q(P.svg)}, labels: {${q(P.template)}: x}}
spec: {containers: [{name: c, image: ${q(P.script)}}]}
---
apiVersion: v1
kind: ${q(P.img)}
metadata: {name: ${q(P.template)}}
`;

async function installTraps(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return dialogs;
}

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  expect(injected).toEqual({ img: 0, handlers: 0, scripts: 0, jsLinks: 0 });
}

test('markup and script payloads in manifests, the request bar and DNS names are shown as text, never run', { tag: '@dev' }, async ({ page }) => {
  const dialogs = await installTraps(page);
  await openPlayground(page);
  await setText(page, HOSTILE);
  await waitForSettled(page);

  // The payloads reach the page as text (diagnostics quote names, kinds and values).
  await expect(page.getByTestId('diagnostics')).toContainText(P.img);
  await expect(page.getByTestId('diagnostics')).toContainText(P.script);

  // Details of everything drawn: the Deployment's pod (labels, annotations, image), the Services.
  for (const id of await page.locator('[data-testid^="pod-"], [data-testid^="service-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))) {
    await page.getByTestId(id).first().click();
    await expect(page.getByTestId('details-panel')).toBeVisible();
  }
  await page.getByTestId('service-shop/web').click();
  await expect(page.getByTestId('details-panel')).toContainText(P.template);

  // The request bar and the trace panel with a hostile target and source.
  await page.getByTestId('panel-tab-trace').click();
  await page.getByTestId('request-from').fill(P.svg);
  await page.getByTestId('request-to').fill(`${P.img}:80`);
  await page.getByTestId('request-send').click();
  await page.getByTestId('request-to').fill(P.js);
  await page.getByTestId('request-send').click();

  // A DNS lookup of a hostile name from a hostile pod reference.
  await page.getByTestId('panel-tab-dns').click();
  await page.getByTestId('dns-from').fill(P.template);
  await page.getByTestId('dns-name').fill(P.img);
  await page.getByTestId('dns-lookup').click();
  await expect(page.getByTestId('dns-panel')).toContainText(P.template);

  await page.getByTestId('view-tab-matrix').click();
  await expect(page.getByTestId('matrix-view')).toBeVisible();

  await expectNothingInjected(page);
  expect(dialogs).toEqual([]);
});

test('the production page runs under its Content-Security-Policy with no violations', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'build', 'the policy is applied to the production build only');
  const problems = collectConsoleProblems(page);
  await installTraps(page);
  await openPlayground(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');

  // Exercise what loads code or styles late: Monaco's workers and styles, the engine worker, lazy chunks.
  await waitForSettled(page);
  await page.getByTestId('service-shop/frontend').click();
  await page.getByTestId('panel-tab-trace').click();
  await page.getByTestId('panel-tab-dns').click();
  await page.getByTestId('view-tab-matrix').click();
  await loadScenario(page, 'nodeport');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.type('# typed under the policy\n');
  await waitForSettled(page);
  expect(await page.evaluate(() => window.__kubeNetsim?.engineHost?.())).toBe('worker');

  // Inline script is refused: the policy is really in force.
  const ranInline = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
    return (window as unknown as { __inline?: number }).__inline === 1;
  });
  expect(ranInline).toBe(false);
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations).toEqual(['script-src-elem inline']);
  expect(problems.filter((p) => !p.includes('Content Security Policy') || !p.includes('inline'))).toEqual([]);
});

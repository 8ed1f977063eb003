import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { runCli } from './run';
import type { CliIO } from './run';

const scenario = (name: string) => `src/scenarios/${name}.yaml`;

function io(stdin = '', extraFiles: Record<string, string> = {}): CliIO {
  return {
    readFile: async (path) => (path in extraFiles ? extraFiles[path] : readFile(path, 'utf8')),
    readStdin: async () => stdin,
  };
}

async function json(argv: string[], cliIO = io()) {
  const result = await runCli(argv, cliIO);
  return { ...result, body: result.stdout ? JSON.parse(result.stdout) : null };
}

describe('endpoints', () => {
  it('publishes the three-tier app the way the EndpointSlice controller would', async () => {
    const { exitCode, body } = await json(['endpoints', '-f', scenario('three-tier')]);
    expect(exitCode).toBe(0);
    const byKey = Object.fromEntries(body.services.map((s: { service: string }) => [s.service, s]));
    const frontend = byKey['shop/frontend'];
    expect(frontend.type).toBe('LoadBalancer');
    expect(frontend.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    const frontendEndpoints = frontend.slices.flatMap((s: { endpoints: unknown[] }) => s.endpoints);
    expect(frontendEndpoints).toHaveLength(3);
    for (const e of frontendEndpoints) {
      expect(e.targetRef).toMatch(/^shop\/frontend-/);
      expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
      expect(e.addresses[0]).toMatch(/^10\.244\.\d+\.\d+$/);
    }
    // The named targetPort `api` resolves to the container's 8080, under the Service port's name.
    expect(byKey['shop/backend-api'].slices[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(byKey['shop/database'].clusterIP).toBe('None');
    expect(byKey['kube-system/kube-dns'].clusterIP).toBe('10.96.0.10');
    expect(byKey['default/kubernetes'].clusterIP).toBe('10.96.0.1');
  });

  it('answers for one Service with --service, namespace defaulting to default', async () => {
    const one = await json(['endpoints', '-f', scenario('three-tier'), '--service', 'shop/backend-api']);
    expect(one.body.services.map((s: { service: string }) => s.service)).toEqual(['shop/backend-api']);
    const web = await json(['endpoints', '-f', scenario('multi-port'), '--service', 'web']);
    expect(web.body.services[0].service).toBe('default/web');
    const ports = web.body.services[0].slices[0].ports.map((p: { name: string; port: number }) => `${p.name}=${p.port}`).sort();
    expect(ports).toEqual(['http=8080', 'https=8443', 'metrics=9090']);
  });

  it('is a usage error to name a Service that does not exist', async () => {
    const result = await runCli(['endpoints', '-f', scenario('three-tier'), '--service', 'shop/nope'], io());
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('shop/nope');
  });

  it('reads manifests from standard input with -f -', async () => {
    const text = await readFile(scenario('nodeport'), 'utf8');
    const { exitCode, body } = await json(['endpoints', '-f', '-', '--service', 'hello'], io(text));
    expect(exitCode).toBe(0);
    expect(body.services[0].type).toBe('NodePort');
    expect(body.services[0].slices[0].ports).toEqual([{ name: null, port: 8080, protocol: 'TCP' }]);
  });
});

describe('validate', () => {
  it('finds nothing wrong with the seed scenarios', async () => {
    for (const name of ['three-tier', 'multi-port', 'headless', 'nodeport']) {
      const { exitCode, body } = await json(['validate', '-f', scenario(name)]);
      expect(exitCode).toBe(0);
      expect(body.diagnostics.filter((d: { severity: string }) => d.severity !== 'info')).toEqual([]);
    }
  });

  it('warns at the selector line when a Service selects no pod', async () => {
    const text = (await readFile(scenario('three-tier'), 'utf8')).replace('app: backend\n  ports', 'app: backnd\n  ports');
    expect(text).toContain('app: backnd');
    const selectorLine = text.split('\n').findIndex((l) => l.includes('app: backnd')) + 1;
    const { exitCode, body } = await json(['validate', '-f', 'typo.yaml'], io('', { 'typo.yaml': text }));
    expect(exitCode).toBe(0);
    const warning = body.diagnostics.find((d: { object: string; severity: string }) => d.object === 'Service/shop/backend-api' && d.severity === 'warning');
    expect(warning).toBeDefined();
    expect(warning.file).toBe('typo.yaml');
    // The diagnostic points at the selector (its key or the typo'd label under it).
    expect([selectorLine - 1, selectorLine]).toContain(warning.line);
    expect(warning.message).toMatch(/backnd/);
  });

  it('reports what the API server refuses as errors with their lines', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: two-ports',
      'spec:',
      '  type: NodePort',
      '  selector: {app: x}',
      '  ports:',
      '    - port: 80',
      '      nodePort: 40000',
      '    - port: 443',
    ].join('\n');
    const { body } = await json(['validate', '-f', 'bad.yaml'], io('', { 'bad.yaml': text }));
    const errors = body.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors.some((d: { line: number }) => d.line === 10)).toBe(true); // nodePort out of range
    expect(errors.length).toBeGreaterThanOrEqual(2); // and the unnamed ports of a multi-port Service
    for (const e of errors) expect(e.file).toBe('bad.yaml');
  });
});

describe('exit status and errors', () => {
  it('exits 1 with an error and diagnostics when the YAML cannot be read', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: [oops\n';
    const { exitCode, body } = await json(['validate', '-f', 'broken.yaml'], io('', { 'broken.yaml': text }));
    expect(exitCode).toBe(1);
    expect(body.error.message).toContain('broken.yaml');
    expect(body.diagnostics[0]).toMatchObject({ severity: 'error', object: null, file: 'broken.yaml' });
    expect(body.diagnostics[0].line).toBeGreaterThanOrEqual(5);
  });

  it('exits 2 with one line on standard error for usage mistakes', async () => {
    for (const argv of [
      ['frobnicate', '-f', scenario('nodeport')],
      ['endpoints', '-f', scenario('nodeport'), '--bogus'],
      ['endpoints'],
      [],
      ['endpoints', '-f', 'does-not-exist.yaml'],
      ['trace', '-f', scenario('nodeport'), '--from', 'external'],
    ]) {
      const result = await runCli(argv, io());
      expect(result.exitCode, argv.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });
});

describe('batch', () => {
  it('answers each question line in order, and a bad line does not stop the batch', async () => {
    const questions = [
      '["endpoints","--service","shop/backend-api"]',
      'not json',
      '["validate"]',
      '["endpoints","--service","shop/missing"]',
      '',
      '["endpoints","--service","shop/frontend"]',
    ].join('\n');
    const result = await runCli(['batch', '-f', scenario('three-tier')], io(questions));
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].services[0].service).toBe('shop/backend-api');
    expect(lines[1].error.message).toBeTruthy();
    expect(Array.isArray(lines[2].diagnostics)).toBe(true);
    expect(lines[3].error.message).toContain('shop/missing');
    expect(lines[4].services[0].service).toBe('shop/frontend');
  });
});

describe('the real command', () => {
  it('runs through npm right after npm ci and prints only JSON on standard output', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'netsim', '--', 'endpoints', '-f', scenario('nodeport'), '--service', 'default/hello']);
    const body = JSON.parse(stdout);
    expect(body.services[0].service).toBe('default/hello');
    expect(body.services[0].slices[0].endpoints).toHaveLength(2);
  }, 30_000);

  it('exits 2 for an unknown command', async () => {
    const failure = await promisify(execFile)('npm', ['run', '--silent', 'netsim', '--', 'frobnicate']).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain("unknown command 'frobnicate'");
  }, 30_000);
});

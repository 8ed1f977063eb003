// reach and matrix on the command line: the contract's fields and exit statuses.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { runCli } from './run';
import type { CliIO } from './run';

const THREE_TIER = 'src/scenarios/three-tier.yaml';
const POLICIES = 'policies.yaml';
const CHAIN = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backend, namespace: shop}
spec:
  podSelector: {matchLabels: {app: backend}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: frontend}}}]
      ports: [{port: api}]
`;

function io(stdin = ''): CliIO {
  return { readFile: async (path) => (path === POLICIES ? CHAIN : readFile(path, 'utf8')), readStdin: async () => stdin };
}

async function run(...args: string[]) {
  const result = await runCli([args[0], '-f', THREE_TIER, '-f', POLICIES, ...args.slice(1)], io());
  return { ...result, body: result.stdout ? JSON.parse(result.stdout) : null };
}

describe('reach', () => {
  it('answers with the contract\'s fields, exit 0, for an allowed connection', async () => {
    const { exitCode, body, stderr } = await run('reach', '--from', 'shop/deploy/frontend', '--to', 'shop/deploy/backend', '--port', 'api');
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    expect(body).toMatchObject({
      allowed: true,
      egress: { allowed: true, enforced: true, policies: [] },
      ingress: { allowed: true, enforced: true, policies: ['shop/backend'] },
      port: 8080,
    });
    expect(typeof body.reason).toBe('string');
    expect(body.ingress.selecting.find((s: { policy: string }) => s.policy === 'shop/backend')).toMatchObject({ rule: 0, source: { file: POLICIES }, ruleSource: { file: POLICIES } });
  });

  it('a denied connection is still an answer (exit 0), with the policy that isolated it', async () => {
    const { exitCode, body } = await run('reach', '--from', 'ip:203.0.113.10', '--to', 'shop/sts/database', '--port', '5432', '--protocol', 'TCP');
    expect(exitCode).toBe(0);
    expect(body).toMatchObject({ allowed: false, ingress: { allowed: false, policies: ['shop/default-deny'] } });
  });

  it('takes --protocol in any case and checks UDP separately', async () => {
    const { body } = await run('reach', '--from', 'shop/deploy/frontend', '--to', 'shop/deploy/backend', '--port', '8080', '--protocol', 'udp');
    expect(body).toMatchObject({ allowed: false, protocol: 'UDP' });
  });

  it.each([
    [['--from', 'shop/deploy/frontend', '--to', 'shop/deploy/backend'], /--port/],
    [['--from', 'shop/nope', '--to', 'shop/deploy/backend', '--port', '80'], /shop\/nope/],
    [['--from', 'shop/deploy/frontend', '--to', 'shop/deploy/backend', '--port', 'nope'], /no container port named "nope"/],
    [['--from', 'shop/deploy/frontend', '--to', 'shop/deploy/backend', '--port', '80', '--protocol', 'ICMP'], /ICMP/],
    [['--from', 'shop/deploy/frontend', '--to', 'shop/deploy/backend', '--port', '80', '--bogus'], /bogus/],
  ])('is a usage error (exit 2, one line) for %j', async (args, message) => {
    const { exitCode, stderr } = await run('reach', ...args);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe('matrix', () => {
  it('answers pods and allowed, sorted, default 80/TCP, without CoreDNS', async () => {
    const { exitCode, body } = await run('matrix');
    expect(exitCode).toBe(0);
    expect(body.pods).toEqual([...body.pods].sort());
    expect(body.pods.every((p: string) => p.startsWith('shop/'))).toBe(true);
    expect(body.allowed).toHaveLength(body.pods.length);
    expect([body.port, body.protocol]).toEqual([80, 'TCP']);
    // Under the default deny only a pod to itself passes on port 80.
    body.allowed.forEach((row: boolean[], i: number) => row.forEach((cell, j) => expect(cell).toBe(i === j)));
  });

  it('takes --port, --protocol and repeated --namespace', async () => {
    const { body } = await run('matrix', '--port', '8080', '--namespace', 'shop', '--namespace', 'kube-system');
    expect(body.pods.filter((p: string) => p.startsWith('kube-system/coredns-'))).toHaveLength(2);
    const f = body.pods.findIndex((p: string) => p.startsWith('shop/frontend-'));
    const b = body.pods.findIndex((p: string) => p.startsWith('shop/backend-'));
    expect([body.allowed[f][b], body.allowed[b][f]]).toEqual([true, false]);
  });

  it.each([[['--port', 'http']], [['--namespace', 'nope']], [['--protocol', 'ICMP']]])('is a usage error for %j', async (args) => {
    const { exitCode, stderr } = await run('matrix', ...args);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers reach and matrix lines in a batch', async () => {
    const lines = [JSON.stringify(['reach', '--from', 'shop/deploy/frontend', '--to', 'shop/deploy/backend', '--port', '8080']), JSON.stringify(['matrix', '--namespace', 'shop'])].join('\n');
    const result = await runCli(['batch', '-f', THREE_TIER, '-f', POLICIES], io(lines));
    const [reach, matrix] = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(reach.allowed).toBe(true);
    expect(matrix.pods).toHaveLength(7);
  });
});

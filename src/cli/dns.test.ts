import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { runCli } from './run';
import type { CliIO } from './run';

const THREE_TIER = 'src/scenarios/three-tier.yaml';

function io(stdin = '', extraFiles: Record<string, string> = {}): CliIO {
  return {
    readFile: async (path) => (path in extraFiles ? extraFiles[path] : readFile(path, 'utf8')),
    readStdin: async () => stdin,
  };
}

async function dns(args: string[], cliIO = io()) {
  const result = await runCli(['dns', '-f', THREE_TIER, ...args], cliIO);
  return { ...result, body: result.stdout ? JSON.parse(result.stdout) : null };
}

describe('dns on the command line', () => {
  it('answers in the contract\'s shape: resolvConf, queries, rcode, answers', async () => {
    const { exitCode, body, stderr } = await dns(['--from', 'shop/deploy/frontend', '--name', 'backend-api']);
    expect([exitCode, stderr]).toEqual([0, '']);
    expect(Object.keys(body).slice(0, 4)).toEqual(['resolvConf', 'queries', 'rcode', 'answers']);
    expect(body.resolvConf).toMatchObject({ nameservers: ['10.96.0.10'], searches: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 });
    expect(body.queries).toEqual([{ name: 'backend-api.shop.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answeredBy: 'CoreDNS', server: '10.96.0.10', records: 1 }]);
    expect(body.rcode).toBe('NOERROR');
    expect(body.answers).toHaveLength(1);
    expect(Object.keys(body.answers[0])).toEqual(['name', 'type', 'data', 'ttl']);
    expect(body.answers[0]).toMatchObject({ name: 'backend-api.shop.svc.cluster.local.', type: 'A', ttl: 30 });
  });

  it('an NXDOMAIN is still an answer: exit 0, every query listed', async () => {
    const { exitCode, body } = await dns(['--from', 'shop/deploy/frontend', '--name', 'cart']);
    expect(exitCode).toBe(0);
    expect(body.rcode).toBe('NXDOMAIN');
    expect(body.queries.map((q: { name: string }) => q.name)).toEqual(['cart.shop.svc.cluster.local.', 'cart.svc.cluster.local.', 'cart.cluster.local.', 'cart.']);
    expect(body.answers).toEqual([]);
  });

  it('--type takes SRV and PTR (an IP becomes its in-addr.arpa name), in either case', async () => {
    const srv = await dns(['--from', 'shop/sts/database', '--name', '_postgres._tcp.database', '--type', 'srv']);
    expect(srv.body.answers.map((a: { type: string; data: string }) => `${a.type} ${a.data}`)).toEqual([
      'SRV 0 50 5432 database-0.database.shop.svc.cluster.local.', 'SRV 0 50 5432 database-1.database.shop.svc.cluster.local.',
    ]);
    const ptr = await dns(['--from', 'shop/sts/database', '--name', '10.96.0.10', '--type', 'PTR']);
    expect(ptr.body.queries.map((q: { name: string }) => q.name)).toEqual(['10.0.96.10.in-addr.arpa.']);
    expect(ptr.body.answers.map((a: { data: string }) => a.data)).toEqual(['kube-dns.kube-system.svc.cluster.local.']);
  });

  it('is a usage error (exit 2, one line) for a missing pod, option or unknown type', async () => {
    for (const args of [
      ['--from', 'shop/nope', '--name', 'x'],
      ['--from', 'shop/deploy/frontend'],
      ['--from', 'shop/deploy/frontend', '--name', 'x', '--type', 'MX'],
      ['--from', 'shop/deploy/frontend', '--name', 'x', '--bogus', 'y'],
    ]) {
      const result = await runCli(['dns', '-f', THREE_TIER, ...args], io());
      expect(result.exitCode).toBe(2);
      if (result.stdout !== '') expect(JSON.parse(result.stdout)).toHaveProperty('error');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('exit 1 with diagnostics when the manifests cannot be simulated', async () => {
    const result = await runCli(['dns', '-f', 'bad.yaml', '--from', 'a', '--name', 'x'], io('', { 'bad.yaml': 'kind: Pod\nmetadata: [\n' }));
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'PARSE_ERROR' } });
  });

  it('runs as a batch line', async () => {
    const result = await runCli(['batch', '-f', THREE_TIER], io('["dns","--from","shop/deploy/backend","--name","example.com"]\n'));
    expect(result.exitCode).toBe(0);
    const line = JSON.parse(result.stdout.trim());
    expect(line.answers).toEqual([{ name: 'example.com.', type: 'A', data: '93.184.215.14', ttl: 300 }]);
    expect(line.queries.at(-1)).toMatchObject({ name: 'example.com.', answeredBy: 'upstream' });
  });
});

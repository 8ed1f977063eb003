import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { runCli } from './run';
import type { CliIO } from './run';

const scenario = (name: string) => `src/scenarios/${name}.yaml`;
const io: CliIO = { readFile: (path) => readFile(path, 'utf8'), readStdin: async () => '' };

async function json(argv: string[]) {
  const result = await runCli(argv, io);
  return { ...result, body: result.stdout ? JSON.parse(result.stdout) : null };
}

const HOP_FIELDS = ['kind', 'name', 'ip', 'port', 'note'];
const ANSWER_FIELDS = ['delivered', 'status', 'hops', 'destination', 'candidates', 'sourceIpAtPod', 'drop'];

describe('trace', () => {
  it('answers with the contract\'s fields for a pod calling a Service by name', async () => {
    const { exitCode, body } = await json(['trace', '-f', scenario('three-tier'), '--from', 'shop/deploy/frontend', '--to', 'http://backend-api/v1/users']);
    expect(exitCode).toBe(0);
    for (const f of ANSWER_FIELDS) expect(body).toHaveProperty(f);
    expect(body.delivered).toBe(true);
    expect(body.status).toBe(200);
    for (const hop of body.hops) for (const f of HOP_FIELDS) expect(hop).toHaveProperty(f);
    expect(body.hops.map((h: { kind: string }) => h.kind)).toContain('DNS');
    expect(Object.keys(body.destination).sort()).toEqual(['ip', 'pod', 'port']);
    expect(body.destination.port).toBe(8080);
    const pods = body.candidates.map((c: { pod: string }) => c.pod);
    expect(pods).toEqual([...pods].sort());
    expect(body.candidates.every((c: { probability: number }) => c.probability === 0.5)).toBe(true);
    expect(body.drop).toBeNull();
  });

  it('is repeatable with --seed and reports a drop with hop, reason and message', async () => {
    const a = await json(['trace', '-f', scenario('external-traffic-policy-local'), '--from', 'external', '--to', '172.18.0.2:30090', '--seed', '4']);
    expect(a.exitCode).toBe(0);
    expect(a.body.delivered).toBe(false);
    expect(a.body.destination).toBeNull();
    expect(a.body.drop).toMatchObject({ hop: a.body.hops.length - 1, reason: 'NO_LOCAL_ENDPOINT' });
    expect(typeof a.body.drop.message).toBe('string');
    const again = await json(['trace', '-f', scenario('external-traffic-policy-local'), '--from', 'external', '--to', '172.18.0.2:30090', '--seed', '4']);
    expect(again.stdout).toBe(a.stdout);
  });

  it('takes --src-ip and --via-node', async () => {
    const { body } = await json(['trace', '-f', scenario('external-traffic-policy-local'), '--from', 'external', '--to', '172.18.0.3:30090', '--src-ip', '198.18.0.1']);
    expect(body.delivered).toBe(true);
    expect(body.sourceIpAtPod).toBe('198.18.0.1');
  });

  it('exits 2 with one line for a pod that does not exist, an unknown --via-node, a bad --seed or a missing --to', async () => {
    for (const extra of [
      ['--from', 'shop/ghost', '--to', 'backend-api:80'],
      ['--from', 'external', '--to', '10.0.0.1:80', '--via-node', 'node-9'],
      ['--from', 'external', '--to', '10.0.0.1:80', '--seed', 'abc'],
      ['--from', 'external'],
    ]) {
      const result = await runCli(['trace', '-f', scenario('three-tier'), ...extra], io);
      expect(result.exitCode, extra.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('answers in a batch, one line per question', async () => {
    const batchIO: CliIO = { ...io, readStdin: async () => '["trace","--from","external","--to","10.1.2.3:80"]\n["trace","--from","nope","--to","x:1"]\n' };
    const result = await runCli(['batch', '-f', scenario('three-tier')], batchIO);
    const [first, second] = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(first.drop.reason).toBe('NO_ROUTE');
    expect(second.error.message).toContain('default/nope');
  });
});

// The peer projects' manifests (../shared/corpus) must load into the model the way a real
// cluster would hold them: every workload the peer tool names exists with pods, JSON and
// *List inputs included, and the command line answers with JSON, never a stack trace.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate } from '../../src/engine/index';
import type { Simulation } from '../../src/engine/index';
import { runCli } from '../../src/cli/run';

// CI keeps ../shared beside the checkout.
const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const netpolCases: Array<{ id: string; manifests: string[]; expected: string[] }> = JSON.parse(
  readFileSync(join(corpus, 'netpol/cases.json'), 'utf8'),
).cases;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ya?ml|json)$/.test(entry) ? [path] : [];
  });
}

function load(paths: string[]): Simulation {
  return simulate(paths.map((path) => ({ name: path, text: readFileSync(path, 'utf8') })));
}

/** `ns/name[Kind]` entries of a netpol-analyzer connlist, External ranges and controllers left out. */
function peerWorkloads(expectedText: string): Array<{ namespace: string; name: string; kind: string }> {
  const connlist = expectedText.split('\n\nExposure Analysis Result:')[0];
  const peers = new Set<string>();
  for (const line of connlist.split('\n')) {
    const match = line.match(/^(\S+) => (\S+) : /);
    if (match) peers.add(match[1]).add(match[2]);
  }
  return [...peers]
    .map((peer) => peer.match(/^([^/\s]+)\/([^[\s]+)\[(\w+)\]$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map(([, namespace, name, kind]) => ({ namespace, name, kind }));
}

function hasWorkload(sim: Simulation, w: { namespace: string; name: string; kind: string }): boolean {
  const { cluster } = sim;
  if (cluster.workloads.some((x) => x.key === `${w.kind}/${w.namespace}/${w.name}` && x.pods.length > 0)) return true;
  return cluster.pods.some(
    (p) => p.namespace === w.namespace && (p.name === w.name || p.owner?.name === w.name || p.name.startsWith(`${w.name}-`)),
  );
}

describe.skipIf(!existsSync(corpus))('netpol corpus loads into the model', () => {
  it.each(netpolCases.filter((c) => c.id.startsWith('npa-')).map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const dir = join(corpus, 'netpol', c.id);
    const paths = c.manifests.map((m) => join(dir, m));
    const sim = load(paths);
    expect(sim.hasParseErrors).toBe(false);
    // The one error the API server would also give: a port written `containerport:` (a corpus quirk) has no containerPort.
    const errors = sim.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.filter((d) => !d.message.includes('"containerport" is not it'))).toEqual([]);
    const expectedText = c.expected.filter((e) => e.endsWith('.txt')).map((e) => readFileSync(join(dir, e), 'utf8')).join('\n');
    const workloads = peerWorkloads(expectedText);
    for (const w of workloads) expect(hasWorkload(sim, w), `${w.namespace}/${w.name}[${w.kind}]`).toBe(true);
    for (const pod of sim.cluster.pods.filter((p) => p.phase === 'Running')) expect(pod.podIP, pod.key).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    const result = await runCli(['validate', ...paths.flatMap((p) => ['-f', p])], {
      readFile: async (path) => readFileSync(path, 'utf8'),
      readStdin: async () => '',
    });
    expect(result.exitCode).toBe(0);
    expect(Array.isArray(JSON.parse(result.stdout).diagnostics)).toBe(true);
  });
});

describe.skipIf(!existsSync(corpus))('Gateway API conformance manifests load', () => {
  const base = join(corpus, 'gateway-api/base/manifests.yaml');
  const tests = readdirSync(join(corpus, 'gateway-api')).filter((d) => d !== 'base' && statSync(join(corpus, 'gateway-api', d)).isDirectory());

  it('the base manifests give every backend Service ready endpoints', () => {
    const sim = load([base]);
    expect(sim.hasParseErrors).toBe(false);
    const backends = sim.cluster.services.filter((s) => /^infra-backend-v\d$/.test(s.name));
    expect(backends.length).toBeGreaterThanOrEqual(3);
    for (const svc of backends) {
      const ready = sim.cluster.endpointSlices
        .filter((slice) => slice.service === svc.key)
        .flatMap((slice) => slice.endpoints)
        .filter((e) => e.conditions.ready);
      expect(ready.length, svc.key).toBeGreaterThan(0);
    }
  });

  it.each(tests)('%s parses beside the base manifests', (test) => {
    const sim = load([base, ...filesUnder(join(corpus, 'gateway-api', test))]);
    expect(sim.hasParseErrors).toBe(false);
    expect(sim.cluster.objects.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simulate } from '../simulate';
import { isQuestionError } from '../model/refs';
import { generatedCluster } from '../testing/generate';
import { matrix } from './matrix';
import { reach } from './reach';
import { CHAIN, DNS_EGRESS, withPolicies } from './testing';
import type { NetworkPlugin, Protocol, Simulation } from '../types';
import type { MatrixAnswer } from './types';

const threeTier = readFileSync(fileURLToPath(new URL('../../scenarios/three-tier.yaml', import.meta.url)), 'utf8');
const shop = (policies: string, settings?: Parameters<typeof withPolicies>[2]) => withPolicies(threeTier, policies, settings);

function grid(sim: Simulation, q: Parameters<typeof matrix>[1] = {}): MatrixAnswer {
  const m = matrix(sim, q);
  if (isQuestionError(m)) throw new Error(m.error.message);
  return m;
}

/** Every off-diagonal cell must be what reach says for that pair. */
function expectAgreesWithReach(sim: Simulation, m: MatrixAnswer, port: number, protocol: Protocol): void {
  const wrong: string[] = [];
  m.pods.forEach((from, i) => m.pods.forEach((to, j) => {
    if (i === j) return;
    const a = reach(sim, { from, to, port, protocol });
    if (isQuestionError(a)) throw new Error(a.error.message);
    if (a.allowed !== m.allowed[i][j]) wrong.push(`${from} -> ${to}: reach ${a.allowed}, matrix ${m.allowed[i][j]}`);
  }));
  expect(wrong.slice(0, 10)).toEqual([]);
}

describe('matrix', () => {
  const sim = shop(`${CHAIN}---${DNS_EGRESS}`);

  it('lists the user\'s pods sorted by namespace then name, rows = source, diagonal always allowed', () => {
    const m = grid(sim, { port: 8080 });
    expect(m.pods).toEqual([...m.pods].sort());
    expect(m.pods).toHaveLength(7);
    expect(m.pods.some((p) => p.startsWith('kube-system/'))).toBe(false);
    m.pods.forEach((_, i) => expect(m.allowed[i][i]).toBe(true));
    const f = m.pods.findIndex((p) => p.startsWith('shop/frontend-'));
    const b = m.pods.findIndex((p) => p.startsWith('shop/backend-'));
    expect(m.allowed[f][b]).toBe(true);
    expect(m.allowed[b][f]).toBe(false);
  });

  it('agrees with reach on every pair, on 80/TCP by default and on the chain\'s ports', () => {
    const byDefault = grid(sim);
    expect([byDefault.port, byDefault.protocol]).toEqual([80, 'TCP']);
    expectAgreesWithReach(sim, byDefault, 80, 'TCP');
    expectAgreesWithReach(sim, grid(sim, { port: 8080 }), 8080, 'TCP');
    expectAgreesWithReach(sim, grid(sim, { port: 5432 }), 5432, 'TCP');
  });

  it('shows CoreDNS only when kube-system is asked for by name', () => {
    const m = grid(sim, { port: 53, protocol: 'UDP', namespaces: ['shop', 'kube-system'] });
    const dns = m.pods.findIndex((p) => p.startsWith('kube-system/coredns-'));
    expect(dns).toBe(0);
    const f = m.pods.findIndex((p) => p.startsWith('shop/frontend-'));
    expect(m.allowed[f][dns]).toBe(true);
    expect(grid(sim, { namespaces: ['shop'] }).pods.every((p) => p.startsWith('shop/'))).toBe(true);
    expect(matrix(sim, { namespaces: ['nope'] })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(matrix(sim, { port: 0 })).toMatchObject({ error: { code: 'BAD_ARGUMENT' } });
  });

  it('is all allowed under flannel, and says policies are not enforced', () => {
    const m = grid(shop(CHAIN, { networkPlugin: 'flannel' }));
    expect(m.enforced).toBe(false);
    expect(m.allowed.flat().every(Boolean)).toBe(true);
  });

  it.each<[NetworkPlugin, number, Protocol]>([
    ['calico', 80, 'TCP'], ['calico', 8085, 'TCP'], ['calico', 53, 'UDP'], ['cilium', 8080, 'TCP'],
  ])('agrees with reach on a generated cluster with every policy form (%s, %i/%s)', (networkPlugin, port, protocol) => {
    const text = generatedCluster({ nodes: 3, deployments: 12, replicas: 3, namespaces: 4, policies: 30 });
    const generated = simulate([{ name: 'generated.yaml', text }], { networkPlugin });
    const m = grid(generated, { port, protocol });
    expect(m.allowed.flat().some((cell) => !cell)).toBe(true);
    expectAgreesWithReach(generated, m, port, protocol);
  });
});

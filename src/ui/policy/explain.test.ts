import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrix, reach, simulate, type MatrixAnswer, type ReachAnswer, type Simulation } from '../../engine';
import { explain } from './explain';

const SEED = readFileSync('src/scenarios/netpol-shop.yaml', 'utf8');
const file = (text: string) => [{ name: 'manifests.yaml', text }];
const lineOf = (text: string, needle: string, after = 1) => text.split('\n').findIndex((l, i) => i + 1 >= after && l.includes(needle)) + 1;

function podsOf(sim: Simulation, prefix: string): string[] {
  const answer = matrix(sim, { port: 8080 }) as MatrixAnswer;
  return answer.pods.filter((p) => p.startsWith(prefix));
}

describe('explaining a verdict', () => {
  const sim = simulate(file(SEED));
  const [frontend] = podsOf(sim, 'shop/frontend-');
  const [backend] = podsOf(sim, 'shop/backend-');
  const [database] = podsOf(sim, 'shop/database-');

  it('an allowed pair names the allowing rule on each side and lights only those rules', () => {
    const answer = reach(sim, { from: frontend, to: backend, port: 8080 }) as ReachAnswer;
    const x = explain(answer, frontend, backend);
    expect(x.allowed).toBe(true);
    const [egress, ingress] = x.sides;
    expect(egress.policies.find((p) => p.allows)?.policy).toBe('shop/allow-frontend-egress-to-backend');
    expect(ingress.policies.find((p) => p.allows)).toMatchObject({ policy: 'shop/allow-frontend-to-backend', outcome: 'allows (spec.ingress[0])' });
    // The default denies select both pods but decided nothing: they are listed, not lit.
    expect(ingress.policies.map((p) => p.policy)).toContain('shop/default-deny-ingress');
    const rule = lineOf(SEED, '- from:', lineOf(SEED, 'name: allow-frontend-to-backend'));
    expect(x.highlights.some((h) => h.line <= rule && rule <= h.endLine)).toBe(true);
    const denyIngress = lineOf(SEED, 'name: default-deny-ingress');
    expect(x.highlights.some((h) => h.line <= denyIngress && denyIngress <= h.endLine)).toBe(false);
  });

  it('a denied pair says which side denied, that no rule allows, and lights the isolating policies', () => {
    const answer = reach(sim, { from: frontend, to: database, port: 5432 }) as ReachAnswer;
    const x = explain(answer, frontend, database);
    expect(x.allowed).toBe(false);
    const [egress, ingress] = x.sides;
    expect(egress.allowed).toBe(false);
    expect(egress.summary).toMatch(/no rule allows this, so it is denied/);
    expect(ingress.policies.every((p) => p.policy === 'shop/allow-backend-to-database' ? !p.allows : true)).toBe(true);
    const denyEgress = lineOf(SEED, 'name: default-deny-egress');
    expect(x.highlights.some((h) => h.line <= denyEgress && denyEgress <= h.endLine)).toBe(true);
  });

  it('under a plugin that does not enforce, the sides say so', () => {
    const flannel = simulate(file(SEED), { networkPlugin: 'flannel' });
    const x = explain(reach(flannel, { from: frontend, to: database, port: 5432 }) as ReachAnswer, frontend, database);
    expect(x.allowed).toBe(true);
    expect(x.enforced).toBe(false);
    expect(x.sides[0].summary).toBe('Egress is not enforced by the network plugin');
  });
});

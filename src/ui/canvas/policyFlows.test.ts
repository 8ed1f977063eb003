import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrix, simulate, type MatrixAnswer } from '../../engine';
import { policyFlowEdges } from './policyFlows';
import { deriveTopology, type PodAggregateData, type PodData } from './topology';

const SEED = readFileSync('src/scenarios/netpol-shop.yaml', 'utf8');
const THREE_TIER = readFileSync('src/scenarios/three-tier.yaml', 'utf8');

function canvas(text: string, port: number, networkPlugin?: 'flannel') {
  const sim = simulate([{ name: 'manifests.yaml', text }], networkPlugin ? { networkPlugin } : undefined);
  const topology = deriveTopology(sim.cluster, sim.diagnostics, { showBuiltin: false });
  const answer = matrix(sim, { port }) as MatrixAnswer;
  const workload = (id: string) => id.replace(/^pod-shop\/([a-z]+)-.*/, '$1');
  const flows = policyFlowEdges(sim.cluster, topology, answer).map((e) => `${workload(e.source)}→${workload(e.target)}${e.partial ? ' (some)' : ''}`);
  const pods = topology.elements.filter((e) => e.data.kind === 'pod').map((e) => e.data as PodData);
  return { flows, pods };
}

describe('policy on the canvas', () => {
  it('marks every shop pod isolated both ways under the seed, naming the policies', () => {
    const { pods } = canvas(SEED, 8080);
    expect(pods).toHaveLength(7);
    for (const pod of pods) {
      expect(pod.isolation.ingress).toContain('shop/default-deny-ingress');
      expect(pod.isolation.egress).toContain('shop/default-deny-egress');
      expect(pod.isolation.enforced).toBe(true);
    }
    const backend = pods.find((p) => p.name.startsWith('backend-'))!;
    expect([...backend.isolation.ingress].sort()).toEqual(['shop/allow-frontend-to-backend', 'shop/default-deny-ingress']);
  });

  it('draws one flow per pair of workloads a policy lets through at the port', () => {
    expect(canvas(SEED, 8080).flows).toEqual(['frontend→backend']);
    expect(canvas(SEED, 5432).flows).toEqual(['backend→database']);
    expect(canvas(SEED, 80).flows).toEqual([]);
  });

  it('draws nothing where no policy has a say, nor under a plugin that does not enforce', () => {
    const plain = canvas(THREE_TIER, 80);
    expect(plain.flows).toEqual([]);
    expect(plain.pods.every((p) => p.isolation.ingress.length === 0 && p.isolation.egress.length === 0)).toBe(true);
    const flannel = canvas(SEED, 8080, 'flannel');
    expect(flannel.flows).toEqual([]);
    expect(flannel.pods.every((p) => !p.isolation.enforced)).toBe(true);
  });

  it('with pods drawn grouped, flows run between the workloads\' grouped cards and the marks count pods', () => {
    const many = SEED.replace('replicas: 3\n', 'replicas: 200\n').replace('replicas: 2\n', 'replicas: 200\n');
    const sim = simulate([{ name: 'manifests.yaml', text: many }]);
    const topology = deriveTopology(sim.cluster, sim.diagnostics, { showBuiltin: false });
    expect(topology.groupedPods).toBe(402);
    const flows = policyFlowEdges(sim.cluster, topology, matrix(sim, { port: 8080 }) as MatrixAnswer);
    const card = (id: string) => (id.startsWith('pods-') ? id.slice(id.indexOf('-shop/') + 1) : id);
    expect(flows.map((e) => `${card(e.source)}→${card(e.target)}`)).toEqual(['shop/Deployment/frontend→shop/Deployment/backend']);
    const frontend = topology.elements.filter((e) => e.data.kind === 'podAggregate' && e.data.label === 'frontend').map((e) => e.data as PodAggregateData);
    expect(frontend.reduce((n, d) => n + d.isolatedPods.either, 0)).toBe(200);
    expect(frontend[0].isolation.ingress).toContain('shop/default-deny-ingress');
  });

  it('a flow where only some pods of the group may connect is marked partial', () => {
    const fromBackend = `${THREE_TIER}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: database-from-backend
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: database
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: backend
`;
    const sim = simulate([{ name: 'manifests.yaml', text: fromBackend }]);
    const topology = deriveTopology(sim.cluster, sim.diagnostics, { showBuiltin: false });
    const answer = matrix(sim, { port: 5432 }) as MatrixAnswer;
    // Knock out one backend → database pair: the backend group reaches the database group only in part.
    const b = answer.pods.findIndex((p) => p.startsWith('shop/backend-'));
    const d = answer.pods.findIndex((p) => p.startsWith('shop/database-'));
    answer.allowed[b][d] = false;
    const flows = policyFlowEdges(sim.cluster, topology, answer).filter((e) => e.target.startsWith('pod-shop/database-'));
    expect(flows.map((e) => [e.source.replace(/-[^/]*$/, ''), e.partial])).toContainEqual(['pod-shop/backend', true]);
  });
});

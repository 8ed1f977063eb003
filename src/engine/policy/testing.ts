// Test helpers: a seed scenario plus policies, and short questions about it. Pure (tests read the files).
import { simulate } from '../simulate';
import { isQuestionError } from '../model/refs';
import { reach } from './reach';
import type { ClusterSettings, Protocol, Simulation } from '../types';
import type { ReachAnswer } from './types';

/** A scenario (the tests pass the three-tier seed: namespace shop) with `policies` as a second file, `policies.yaml`. */
export function withPolicies(scenario: string, policies: string, settings?: Partial<ClusterSettings>): Simulation {
  return simulate([{ name: 'three-tier.yaml', text: scenario }, { name: 'policies.yaml', text: policies }], settings);
}

export function ask(sim: Simulation, from: string, to: string, port: number | string, protocol?: Protocol): ReachAnswer {
  const answer = reach(sim, { from, to, port, protocol });
  if (isQuestionError(answer)) throw new Error(answer.error.message);
  return answer;
}

export const FRONTEND = 'shop/deploy/frontend';
export const BACKEND = 'shop/deploy/backend';
export const DATABASE = 'shop/sts/database';

/** A CoreDNS pod's key in a simulation. */
export function coreDns(sim: Simulation): string {
  return sim.cluster.pods.find((p) => p.labels['k8s-app'] === 'kube-dns')!.key;
}

export function codes(sim: Simulation): string[] {
  return sim.diagnostics.filter((d) => d.code.startsWith('KN7')).map((d) => d.code);
}

export const DENY_ALL = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

export const DNS_EGRESS = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports:
        - {port: 53, protocol: UDP}
        - {port: 53, protocol: TCP}
`;

// frontend -> backend (named port api = 8080) -> database 5432, each hop allowed on both sides.
export const CHAIN = `${DENY_ALL}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend, namespace: shop}
spec:
  podSelector: {matchLabels: {app: frontend}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: backend}}}]
      ports: [{port: api}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backend, namespace: shop}
spec:
  podSelector: {matchLabels: {app: backend}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from: [{podSelector: {matchLabels: {app: frontend}}}]
      ports: [{port: api}]
  egress:
    - to: [{podSelector: {matchLabels: {app: database}}}]
      ports: [{port: 5432}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: database, namespace: shop}
spec:
  podSelector: {matchLabels: {app: database}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: backend}}}]
      ports: [{port: 5432}]
`;

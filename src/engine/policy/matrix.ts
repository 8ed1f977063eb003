// matrix: who may reach whom on one port, for every pair of pods at once. Pods with the same
// namespace, labels and ports are one group (a policy cannot tell them apart); each rule becomes a
// bit set over pods, each group ORs the rules that apply to it, and a cell is two bit tests.
import type { Cluster, Pod, Protocol, Simulation } from '../types';
import type { QuestionError } from '../questions';
import { questionError } from '../model/refs';
import { containerPorts } from '../model/pods';
import { namespaceLabels, ipBlockMatcher, policyContext, policySelects, rulePortsMatch, selectorPeerMatches, type PolicyContext } from './evaluate';
import { selectorMatches } from '../validate/selectors';
import type { MatrixAnswer, MatrixQuestion, NetworkPolicyRule, PolicyType } from './types';

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

class Bits {
  readonly words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }
  set(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }
  has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }
  or(other: Bits): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] |= other.words[w];
  }
  orAnd(a: Bits, b: Bits): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] |= a.words[w] & b.words[w];
  }
  fill(): this {
    this.words.fill(0xffffffff);
    return this;
  }
}

interface Group {
  namespace: string;
  /** A representative pod: every pod of the group has its labels and ports. */
  pod: Pod;
  members: number[];
  ingressIsolated: boolean;
  egressIsolated: boolean;
  /** Sources its ingress rules admit / destinations its egress rules admit, as bits over pods. */
  ingress: Bits;
  egress: Bits;
}

function groupKey(pod: Pod): string {
  const labels = Object.keys(pod.labels).sort().map((k) => `${k}=${pod.labels[k]}`).join(',');
  const ports = containerPorts(pod).filter((p) => p.name).map((p) => `${p.name}:${p.containerPort}/${p.protocol}`).sort().join(',');
  return `${pod.namespace}\u0000${labels}\u0000${ports}\u0000${pod.hostNetwork}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The pods a matrix shows: engine-supplied pods (CoreDNS) only when kube-system is asked for by name. */
export function matrixPods(cluster: Cluster, namespaces?: string[]): Pod[] {
  const wanted = namespaces && namespaces.length > 0 ? new Set(namespaces) : null;
  return cluster.pods
    .filter((p) => (wanted ? wanted.has(p.namespace) : !p.builtin))
    .sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
}

/** Bits over pods that one rule's peers admit (empty peers: every pod). */
function peerBits(ctx: PolicyContext, policyNamespace: string, rule: NetworkPolicyRule, pods: Pod[], groups: Group[], ipBlockMatchesPods: boolean): Bits {
  const bits = new Bits(pods.length);
  if (rule.peers.length === 0) return bits.fill();
  for (const peer of rule.peers) {
    if (peer.ipBlock) {
      if (peer.podSelector || peer.namespaceSelector) continue;
      const matches = ipBlockMatcher(peer.ipBlock);
      pods.forEach((p, i) => {
        if ((p.hostNetwork || ipBlockMatchesPods) && p.podIP !== null && matches(p.podIP)) bits.set(i);
      });
      continue;
    }
    const nsOk = new Map<string, boolean>();
    for (const g of groups) {
      let ok = nsOk.get(g.namespace);
      if (ok === undefined) {
        ok = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, namespaceLabels(ctx, g.namespace)) : g.namespace === policyNamespace;
        nsOk.set(g.namespace, ok);
      }
      if (ok && selectorPeerMatches(ctx, policyNamespace, peer, g.pod)) for (const i of g.members) bits.set(i);
    }
  }
  return bits;
}

/** Bits over destination pods on which an egress rule's ports admit `port`/`protocol` (named ports differ per pod). */
function egressPortBits(rule: NetworkPolicyRule, port: number, protocol: Protocol, groups: Group[], size: number): Bits {
  const bits = new Bits(size);
  for (const g of groups) if (rulePortsMatch(rule, port, protocol, g.pod)) for (const i of g.members) bits.set(i);
  return bits;
}

/** The matrix itself, for callers that already chose pods (the page's view, the bench). */
export function computeMatrix(cluster: Cluster, pods: Pod[], port: number, protocol: Protocol): boolean[][] {
  const ctx = policyContext(cluster);
  const n = pods.length;
  if (ctx.plugin === 'flannel') return pods.map(() => new Array<boolean>(n).fill(true));
  const ipBlockMatchesPods = ctx.plugin !== 'cilium';
  const byKey = new Map<string, Group>();
  const groupOf: Group[] = new Array(n);
  pods.forEach((pod, i) => {
    const key = groupKey(pod);
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { namespace: pod.namespace, pod, members: [], ingressIsolated: false, egressIsolated: false, ingress: new Bits(n), egress: new Bits(n) }));
    g.members.push(i);
    groupOf[i] = g;
  });
  const groups = [...byKey.values()];
  const inNamespace = new Map<string, Group[]>();
  for (const g of groups) inNamespace.set(g.namespace, [...(inNamespace.get(g.namespace) ?? []), g]);

  for (const [namespace, policies] of ctx.byNamespace) {
    const local = inNamespace.get(namespace);
    if (!local) continue;
    for (const policy of policies) {
      const selected = local.filter((g) => policySelects(policy, g.pod));
      if (selected.length === 0) continue;
      for (const direction of policy.policyTypes as PolicyType[]) {
        const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
        for (const g of selected) {
          if (direction === 'Ingress') g.ingressIsolated = true;
          else g.egressIsolated = true;
        }
        for (const rule of rules) {
          if (direction === 'Ingress') {
            const admitting = selected.filter((g) => rulePortsMatch(rule, port, protocol, g.pod));
            if (admitting.length === 0) continue;
            const peers = peerBits(ctx, policy.namespace, rule, pods, groups, ipBlockMatchesPods);
            for (const g of admitting) g.ingress.or(peers);
          } else {
            const peers = peerBits(ctx, policy.namespace, rule, pods, groups, ipBlockMatchesPods);
            const ports = egressPortBits(rule, port, protocol, groups, n);
            for (const g of selected) g.egress.orAnd(peers, ports);
          }
        }
      }
    }
  }

  const rows: boolean[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const src = groupOf[i];
    const row = new Array<boolean>(n);
    for (let j = 0; j < n; j++) {
      const dst = groupOf[j];
      row[j] = i === j || ((!src.egressIsolated || src.egress.has(j)) && (!dst.ingressIsolated || dst.ingress.has(i)));
    }
    rows[i] = row;
  }
  return rows;
}

export function matrix(sim: Simulation, q: MatrixQuestion): MatrixAnswer | QuestionError {
  const cluster = sim.cluster;
  const port = q?.port ?? 80;
  const protocol = q?.protocol ?? 'TCP';
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return questionError('BAD_ARGUMENT', `--port ${String(port)} is not a port number; use 1-65535.`);
  if (!PROTOCOLS.includes(protocol)) return questionError('BAD_ARGUMENT', `--protocol ${String(protocol)} is not supported; use TCP, UDP or SCTP.`);
  const namespaces = q?.namespaces ?? [];
  if (!Array.isArray(namespaces) || namespaces.some((ns) => typeof ns !== 'string')) return questionError('BAD_ARGUMENT', 'namespaces must be a list of namespace names.');
  const missing = namespaces.find((ns) => !cluster.namespaces.some((n) => n.name === ns));
  if (missing !== undefined) return questionError('NOT_FOUND', `There is no namespace ${missing}.`);
  const pods = matrixPods(cluster, namespaces);
  return { pods: pods.map((p) => p.key), allowed: computeMatrix(cluster, pods, port, protocol), port, protocol, enforced: cluster.settings.networkPlugin !== 'flannel' };
}

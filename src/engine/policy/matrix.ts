// matrix: who may reach whom on one port, for every pair of pods at once. Pods alike to every policy
// (namespace, labels, named ports, the ipBlocks holding their address) are one group; each rule becomes
// a bit set over groups, each group ORs the rules that apply to it, and a row is its group's row.
import type { Cluster, Pod, Protocol, Simulation } from '../types';
import type { QuestionError } from '../questions';
import { questionError, unsupportedProtocol } from '../model/refs';
import { containerPorts, isProtocol } from '../model/pods';
import { namespaceLabels, ipBlockMatcher, policyContext, policySelects, rulePortsMatch, rulesOf, selectorPeerMatches, type PolicyContext } from './evaluate';
import { selectorMatches } from '../validate/selectors';
import type { MatrixAnswer, MatrixQuestion, NetworkPolicyRule, PolicyType } from './types';


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
  /** A representative pod: every pod of the group is alike to every policy. */
  pod: Pod;
  members: number[];
  ingressIsolated: boolean;
  egressIsolated: boolean;
  /** Source groups its ingress rules admit / destination groups its egress rules admit. */
  ingress: Bits;
  egress: Bits;
}

/** Which ipBlocks hold the pod's address ('' when ipBlocks cannot match it): pods alike in labels but not in this differ. */
function ipSignature(pod: Pod, blocks: Array<(ip: string) => boolean>, ipBlockMatchesPods: boolean): string {
  if (pod.podIP === null || !(ipBlockMatchesPods || pod.hostNetwork)) return '';
  const ip = pod.podIP;
  return blocks.map((m) => (m(ip) ? '1' : '0')).join('');
}

function groupKey(pod: Pod, ipSig: string): string {
  const labels = Object.keys(pod.labels).sort().map((k) => `${k}=${pod.labels[k]}`).join(',');
  const ports = containerPorts(pod).filter((p) => p.name).map((p) => `${p.name}:${p.containerPort}/${p.protocol}`).sort().join(',');
  return `${pod.namespace}\u0000${labels}\u0000${ports}\u0000${pod.hostNetwork}\u0000${ipSig}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The pods a matrix shows: engine-supplied pods (CoreDNS) only when kube-system is asked for by name. */
function matrixPods(cluster: Cluster, namespaces?: string[]): Pod[] {
  const wanted = namespaces && namespaces.length > 0 ? new Set(namespaces) : null;
  return cluster.pods
    .filter((p) => (wanted ? wanted.has(p.namespace) : !p.builtin))
    .sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
}

/** Groups one rule's peers admit (empty peers: every group). */
function peerBits(ctx: PolicyContext, policyNamespace: string, rule: NetworkPolicyRule, groups: Group[], ipBlockMatchesPods: boolean): Bits {
  const bits = new Bits(groups.length);
  if (rule.peers.length === 0) return bits.fill();
  for (const peer of rule.peers) {
    if (peer.ipBlock) {
      if (peer.podSelector || peer.namespaceSelector) continue;
      const matches = ipBlockMatcher(peer.ipBlock);
      groups.forEach((g, i) => {
        if ((g.pod.hostNetwork || ipBlockMatchesPods) && g.pod.podIP !== null && matches(g.pod.podIP)) bits.set(i);
      });
      continue;
    }
    const nsOk = new Map<string, boolean>();
    groups.forEach((g, i) => {
      let ok = nsOk.get(g.namespace);
      if (ok === undefined) {
        ok = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, namespaceLabels(ctx, g.namespace)) : g.namespace === policyNamespace;
        nsOk.set(g.namespace, ok);
      }
      if (ok && selectorPeerMatches(ctx, policyNamespace, peer, g.pod)) bits.set(i);
    });
  }
  return bits;
}

/** Destination groups on which an egress rule's ports admit `port`/`protocol` (named ports differ per pod). */
function egressPortBits(rule: NetworkPolicyRule, port: number, protocol: Protocol, groups: Group[]): Bits {
  const bits = new Bits(groups.length);
  groups.forEach((g, i) => {
    if (rulePortsMatch(rule, port, protocol, g.pod)) bits.set(i);
  });
  return bits;
}

function groupPods(ctx: PolicyContext, pods: Pod[], ipBlockMatchesPods: boolean): { groups: Group[]; groupOf: number[] } {
  const blocks = new Map<string, (ip: string) => boolean>();
  for (const policies of ctx.byNamespace.values()) {
    for (const policy of policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        for (const peer of rule.peers) if (peer.ipBlock) blocks.set(JSON.stringify(peer.ipBlock), ipBlockMatcher(peer.ipBlock));
      }
    }
  }
  const matchers = [...blocks.values()];
  const byKey = new Map<string, number>();
  const groups: Group[] = [];
  const groupOf = pods.map((pod, i) => {
    const key = groupKey(pod, ipSignature(pod, matchers, ipBlockMatchesPods));
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push({ namespace: pod.namespace, pod, members: [], ingressIsolated: false, egressIsolated: false, ingress: new Bits(0), egress: new Bits(0) });
    }
    groups[g].members.push(i);
    return g;
  });
  for (const g of groups) {
    g.ingress = new Bits(groups.length);
    g.egress = new Bits(groups.length);
  }
  return { groups, groupOf };
}

/** Applies every policy to the groups: isolation flags and the groups each one admits. */
function applyPolicies(ctx: PolicyContext, groups: Group[], port: number, protocol: Protocol, ipBlockMatchesPods: boolean): void {
  const inNamespace = new Map<string, Group[]>();
  for (const g of groups) {
    const list = inNamespace.get(g.namespace);
    if (list) list.push(g);
    else inNamespace.set(g.namespace, [g]);
  }
  for (const [namespace, policies] of ctx.byNamespace) {
    const local = inNamespace.get(namespace);
    if (!local) continue;
    for (const policy of policies) {
      const selected = local.filter((g) => policySelects(policy, g.pod));
      if (selected.length === 0) continue;
      for (const direction of policy.policyTypes as PolicyType[]) {
        for (const g of selected) {
          if (direction === 'Ingress') g.ingressIsolated = true;
          else g.egressIsolated = true;
        }
        for (const rule of rulesOf(policy, direction)) {
          if (direction === 'Ingress') {
            const admitting = selected.filter((g) => rulePortsMatch(rule, port, protocol, g.pod));
            if (admitting.length === 0) continue;
            const peers = peerBits(ctx, policy.namespace, rule, groups, ipBlockMatchesPods);
            for (const g of admitting) g.ingress.or(peers);
          } else {
            const peers = peerBits(ctx, policy.namespace, rule, groups, ipBlockMatchesPods);
            const ports = egressPortBits(rule, port, protocol, groups);
            for (const g of selected) g.egress.orAnd(peers, ports);
          }
        }
      }
    }
  }
}

/** The matrix itself, over pods already chosen. */
function computeMatrix(cluster: Cluster, pods: Pod[], port: number, protocol: Protocol): boolean[][] {
  const ctx = policyContext(cluster);
  const n = pods.length;
  if (ctx.plugin === 'flannel') return pods.map(() => new Array<boolean>(n).fill(true));
  const ipBlockMatchesPods = ctx.plugin !== 'cilium';
  const { groups, groupOf } = groupPods(ctx, pods, ipBlockMatchesPods);
  applyPolicies(ctx, groups, port, protocol, ipBlockMatchesPods);
  // Pods of one group are alike, so a row is its group's row with the pod itself (the diagonal) allowed.
  const template = groups.map((src, s) => {
    const byGroup = groups.map((dst, d) => (!src.egressIsolated || src.egress.has(d)) && (!dst.ingressIsolated || dst.ingress.has(s)));
    return groupOf.map((d) => byGroup[d]);
  });
  return groupOf.map((s, i) => {
    const row = template[s].slice();
    row[i] = true;
    return row;
  });
}

export function matrix(sim: Simulation, q: MatrixQuestion): MatrixAnswer | QuestionError {
  const cluster = sim.cluster;
  const port = q?.port ?? 80;
  const protocol = q?.protocol ?? 'TCP';
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return questionError('BAD_ARGUMENT', `--port ${String(port)} is not a port number; use 1-65535.`);
  if (!isProtocol(protocol)) return unsupportedProtocol(protocol);
  const namespaces = q?.namespaces ?? [];
  if (!Array.isArray(namespaces) || namespaces.some((ns) => typeof ns !== 'string')) return questionError('BAD_ARGUMENT', 'namespaces must be a list of namespace names.');
  const missing = namespaces.find((ns) => !cluster.namespaces.some((n) => n.name === ns));
  if (missing !== undefined) return questionError('NOT_FOUND', `There is no namespace ${missing}.`);
  const pods = matrixPods(cluster, namespaces);
  return { pods: pods.map((p) => p.key), allowed: computeMatrix(cluster, pods, port, protocol), port, protocol, enforced: cluster.settings.networkPlugin !== 'flannel' };
}

// The NetworkPolicy rules themselves: which policies select a pod, which peers and ports a rule
// admits, and one direction's verdict. reach.ts and matrix.ts both stand on these, so a single
// pair and the whole matrix cannot disagree.
import ipaddr from 'ipaddr.js';
import type { Cluster, NetworkPlugin, Pod, Protocol } from '../types';
import { selectorMatches } from '../validate/selectors';
import { containerPorts } from '../model/pods';
import { NAME_LABEL } from '../model/namespaces';
import type { IPBlock, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType, SelectingPolicy, SourceLines } from './types';

export interface PolicyContext {
  plugin: NetworkPlugin;
  namespaceLabels: Map<string, Record<string, string>>;
  /** Policies per namespace, sorted by key. */
  byNamespace: Map<string, NetworkPolicy[]>;
}

const contexts = new WeakMap<Cluster, PolicyContext>();

/** Built once per model (the Cluster never changes after simulate()): every verdict of a trace or a batch shares it. */
export function policyContext(cluster: Cluster): PolicyContext {
  const cached = contexts.get(cluster);
  if (cached) return cached;
  const context = buildContext(cluster);
  contexts.set(cluster, context);
  return context;
}

function buildContext(cluster: Cluster): PolicyContext {
  const byNamespace = new Map<string, NetworkPolicy[]>();
  for (const p of [...(cluster.networkPolicies ?? [])].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const list = byNamespace.get(p.namespace);
    if (list) list.push(p);
    else byNamespace.set(p.namespace, [p]);
  }
  return { plugin: cluster.settings.networkPlugin, namespaceLabels: new Map(cluster.namespaces.map((n) => [n.name, n.labels])), byNamespace };
}

export function namespaceLabels(ctx: PolicyContext, namespace: string): Record<string, string> {
  return ctx.namespaceLabels.get(namespace) ?? { [NAME_LABEL]: namespace };
}

/** One end of a connection as a policy sees it: a pod (with its IP), or a bare address. */
export interface Endpoint {
  pod: Pod | null;
  ip: string | null;
}

/** hostNetwork pods are not selected by pod selectors: their traffic is the node's (DOC "NetworkPolicy and hostNetwork pods"). */
function selectable(pod: Pod): boolean {
  return !pod.hostNetwork;
}

export function policySelects(policy: NetworkPolicy, pod: Pod): boolean {
  return pod.namespace === policy.namespace && selectable(pod) && selectorMatches(policy.podSelector, pod.labels);
}

export function rulesOf(policy: NetworkPolicy, direction: PolicyType): NetworkPolicyRule[] {
  return direction === 'Ingress' ? policy.ingress : policy.egress;
}

/** podSelector and namespaceSelector of one peer, AND'ed; a lone podSelector means the policy's own namespace. */
export function selectorPeerMatches(ctx: PolicyContext, policyNamespace: string, peer: NetworkPolicyPeer, pod: Pod): boolean {
  if (!peer.podSelector && !peer.namespaceSelector) return false;
  if (!selectable(pod)) return false;
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, namespaceLabels(ctx, pod.namespace))) return false;
  } else if (pod.namespace !== policyNamespace) return false;
  return !peer.podSelector || selectorMatches(peer.podSelector, pod.labels);
}

type Parsed = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A CIDR, or null. IPv4 is tried first: ipaddr.parseCIDR tries IPv6 first and pays for an exception on every IPv4 one. */
export function parseCidr(text: unknown): Parsed | null {
  if (typeof text !== 'string') return null;
  try {
    return text.includes(':') ? ipaddr.IPv6.parseCIDR(text) : ipaddr.IPv4.parseCIDR(text);
  } catch {
    return null;
  }
}

/** Dotted-quad IPv4 to a number, without allocating; null for anything else (IPv6 included). */
function ipv4Number(ip: string): number | null {
  let n = 0;
  let part = -1;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (part < 0 || dots === 3) return null;
      n = n * 256 + part;
      part = -1;
      dots++;
    } else if (c >= 48 && c <= 57) {
      part = part < 0 ? c - 48 : part * 10 + c - 48;
      if (part > 255) return null;
    } else return null;
  }
  return dots === 3 && part >= 0 ? n * 256 + part : null;
}

/** [first, last] addresses of an IPv4 CIDR as numbers. */
function v4Range([addr, prefix]: Parsed): [number, number] {
  const base = ipv4Number(addr.toString())!;
  const size = 2 ** (32 - prefix);
  const first = base - (base % size);
  return [first, first + size - 1];
}

/** A compiled ipBlock: `cidr` minus every `except`. An unreadable cidr matches nothing. Pod IPs are IPv4: keep that path cheap. */
export function ipBlockMatcher(block: IPBlock): (ip: string) => boolean {
  const cidr = parseCidr(block.cidr);
  if (!cidr) return () => false;
  const excepts = block.except.map(parseCidr).filter((e): e is Parsed => e !== null);
  if (cidr[0].kind() === 'ipv4') {
    const [lo, hi] = v4Range(cidr);
    const holes = excepts.filter((e) => e[0].kind() === 'ipv4').map(v4Range);
    return (ip) => {
      const n = ipv4Number(ip);
      return n !== null && n >= lo && n <= hi && !holes.some(([a, b]) => n >= a && n <= b);
    };
  }
  return (ip) => {
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      addr = ipaddr.parse(ip);
    } catch {
      return false;
    }
    return addr.kind() === 'ipv6' && addr.match(cidr) && !excepts.some((e) => e[0].kind() === 'ipv6' && addr.match(e));
  };
}

export function ipBlockContains(block: IPBlock, ip: string): boolean {
  return ipBlockMatcher(block)(ip);
}

/**
 * Does `peer` admit `other`? `ipBlockMatchesPods` is the plugin's choice: Calico matches a pod's IP
 * against ipBlocks, Cilium classifies in-cluster pods first and applies CIDR rules to outside traffic only.
 */
export function peerMatches(ctx: PolicyContext, policyNamespace: string, peer: NetworkPolicyPeer, other: Endpoint, ipBlockMatchesPods: boolean): boolean {
  if (peer.ipBlock) {
    if (peer.podSelector || peer.namespaceSelector) return false; // refused by the API server
    if (other.ip === null) return false;
    if (other.pod && selectable(other.pod) && !ipBlockMatchesPods) return false;
    return ipBlockContains(peer.ipBlock, other.ip);
  }
  return other.pod !== null && selectorPeerMatches(ctx, policyNamespace, peer, other.pod);
}

/** A policy port entry against a connection's port. A named port is looked up on `receiver`, by name and protocol. */
export function portMatches(p: NetworkPolicyPort, port: number, protocol: Protocol, receiver: Pod | null): boolean {
  if (p.protocol !== protocol) return false;
  if (p.port === null) return true;
  if (typeof p.port === 'number') return p.endPort !== null ? port >= p.port && port <= p.endPort : port === p.port;
  return receiver !== null && containerPorts(receiver).some((cp) => cp.name === p.port && cp.protocol === protocol && cp.containerPort === port);
}

export function rulePortsMatch(rule: NetworkPolicyRule, port: number, protocol: Protocol, receiver: Pod | null): boolean {
  return rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, port, protocol, receiver));
}

export interface SideVerdict {
  isolated: boolean;
  allowed: boolean;
  selecting: SelectingPolicy[];
}

function policyLines(p: NetworkPolicy): SourceLines | null {
  return p.source ? { file: p.source.file, line: p.source.line, endLine: p.source.endLine } : null;
}

/**
 * One direction for one pod: `subject` is the source (Egress) or the destination (Ingress), `other`
 * the far end. Ports are judged on the receiving pod (the destination), after any Service DNAT.
 */
export function sideVerdict(
  ctx: PolicyContext, direction: PolicyType, subject: Pod, other: Endpoint, port: number, protocol: Protocol, ipBlockMatchesPods: boolean,
): SideVerdict {
  const receiver = direction === 'Ingress' ? subject : other.pod;
  const selecting: SelectingPolicy[] = [];
  for (const policy of ctx.byNamespace.get(subject.namespace) ?? []) {
    if (!policy.policyTypes.includes(direction) || !policySelects(policy, subject)) continue;
    const rules = rulesOf(policy, direction);
    const rule = rules.findIndex((r) =>
      rulePortsMatch(r, port, protocol, receiver) &&
      (r.peers.length === 0 || r.peers.some((peer) => peerMatches(ctx, policy.namespace, peer, other, ipBlockMatchesPods))));
    selecting.push({ policy: policy.key, source: policyLines(policy), rule: rule < 0 ? null : rule, ruleSource: rule < 0 ? null : rules[rule].source });
  }
  const isolated = selecting.length > 0;
  return { isolated, allowed: !isolated || selecting.some((s) => s.rule !== null), selecting };
}

// NetworkPolicy warnings a careful reviewer gives: legal policies that will not do what was meant.
import type { Cluster, Diagnostic, Pod, Protocol } from '../types';
import { locate, type FieldPath, type ParsedObject } from '../parse/parse';
import { field, isSet, list } from '../parse/read';
import { diagnostic } from '../diagnostics/make';
import type { DiagnosticCode } from '../diagnostics/catalogue';
import { objectKey } from '../model/keys';
import { containerPorts } from '../model/pods';
import { selectorMatches } from '../validate/selectors';
import { readNetworkPolicy } from './read';
import { ipBlockMatcher, policyContext, policySelects, rulesOf, selectorPeerMatches, sideVerdict, type PolicyContext } from './evaluate';
import type { NetworkPolicy, NetworkPolicyRule, PolicyType } from './types';

type Report = (code: DiagnosticCode, path: FieldPath, message: string) => void;

export function reviewNetworkPolicies(objects: ParsedObject[], cluster: Cluster): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx = policyContext(cluster);
  const dns = dnsCheck(cluster, ctx);
  const byKey = new Map(cluster.networkPolicies.map((p) => [p.key, p]));
  const groups = labelGroups(cluster.pods);
  for (const o of objects) {
    const key = objectKey(o.kind, o.namespace, o.name);
    const report: Report = (code, path, message) => out.push(diagnostic(code, locate(o, path), message, key));
    const policy = byKey.get(`${o.namespace ?? 'default'}/${o.name}`) ?? readNetworkPolicy(o);
    if (cluster.settings.networkPlugin === 'flannel') {
      report('KN7012', ['kind'], `The flannel network plugin does not enforce NetworkPolicy, so ${policy.key} has no effect here; choose Calico or Cilium in the cluster settings to see it enforced.`);
    }
    const selected = (groups.get(policy.namespace) ?? []).filter((g) => policySelects(policy, g[0])).flat();
    if (selected.length === 0) {
      report('KN7009', ['spec', 'podSelector'], `${policy.key} selects no pod in namespace ${policy.namespace}, so it has no effect; check spec.podSelector against the pods' labels (policies only select pods in their own namespace).`);
    }
    ignoredRules(o, policy, report);
    for (const direction of ['Ingress', 'Egress'] as const) {
      rulesOf(policy, direction).forEach((rule, r) => reviewRule(o, cluster, ctx, policy, direction, rule, r, selected, report));
    }
    const blocked = dns.blockedBy.get(policy.key);
    if (blocked) report('KN7008', egressPath(o), blocked);
  }
  return out;
}

/** Pods per namespace, grouped by equal labels: a selector's answer is the same for the whole group. */
function labelGroups(pods: Pod[]): Map<string, Pod[][]> {
  const byLabels = new Map<string, Pod[]>();
  const out = new Map<string, Pod[][]>();
  for (const pod of pods) {
    const key = `${pod.namespace}\u0000${pod.hostNetwork}\u0000${Object.keys(pod.labels).sort().map((k) => `${k}=${pod.labels[k]}`).join(',')}`;
    const group = byLabels.get(key);
    if (group) {
      group.push(pod);
      continue;
    }
    const fresh = [pod];
    byLabels.set(key, fresh);
    const list = out.get(pod.namespace);
    if (list) list.push(fresh);
    else out.set(pod.namespace, [fresh]);
  }
  return out;
}

function egressPath(o: ParsedObject): FieldPath {
  if (isSet(field(o.value, 'spec', 'policyTypes'))) return ['spec', 'policyTypes'];
  return isSet(field(o.value, 'spec', 'egress')) ? ['spec', 'egress'] : ['spec', 'podSelector'];
}

function ignoredRules(o: ParsedObject, policy: NetworkPolicy, report: Report): void {
  if (!isSet(field(o.value, 'spec', 'policyTypes'))) return;
  for (const [direction, rules] of [['Ingress', policy.ingress], ['Egress', policy.egress]] as const) {
    if (rules.length > 0 && !policy.policyTypes.includes(direction)) {
      report('KN7014', ['spec', direction.toLowerCase()], `policyTypes does not list ${direction}, so these ${direction.toLowerCase()} rules are ignored; add ${direction} to policyTypes or delete the rules.`);
    }
  }
}

function reviewRule(o: ParsedObject, cluster: Cluster, ctx: PolicyContext, policy: NetworkPolicy, direction: PolicyType, rule: NetworkPolicyRule, r: number, selected: Pod[], report: Report): void {
  const dir = direction === 'Ingress' ? 'ingress' : 'egress';
  const peersField = direction === 'Ingress' ? 'from' : 'to';
  const rawPeers = list(field(o.value, 'spec', dir, r, peersField));
  rule.peers.forEach((peer, i) => {
    const at: FieldPath = ['spec', dir, r, peersField, i];
    if (peer.namespaceSelector && !cluster.namespaces.some((n) => selectorMatches(peer.namespaceSelector, n.labels))) {
      report('KN7010', [...at, 'namespaceSelector'], `This namespaceSelector matches no namespace, so the peer admits nothing; check the namespace labels (every namespace has kubernetes.io/metadata.name: <name>).`);
    }
    if (peer.ipBlock && !peer.podSelector && !peer.namespaceSelector) {
      const matches = ipBlockMatcher(peer.ipBlock);
      const covered = (p: Pod) => !p.hostNetwork && p.podIP !== null && matches(p.podIP);
      const pod = cluster.pods.find((p) => !p.builtin && covered(p)) ?? cluster.pods.find(covered);
      if (pod) report('KN7015', [...at, 'ipBlock'], `This ipBlock also covers pod addresses (${pod.key} at ${pod.podIP}); Calico matches pod IPs against ipBlocks and Cilium does not, so select pods with podSelector/namespaceSelector instead.`);
    }
  });
  // The dash pitfall: `- namespaceSelector` and `- podSelector` as two items are OR'ed.
  const lonePod = rawPeers.findIndex((p) => isSet(field(p, 'podSelector')) && !isSet(field(p, 'namespaceSelector')) && !isSet(field(p, 'ipBlock')));
  const loneNs = rawPeers.some((p) => isSet(field(p, 'namespaceSelector')) && !isSet(field(p, 'podSelector')) && !isSet(field(p, 'ipBlock')));
  if (lonePod >= 0 && loneNs) {
    report('KN7013', ['spec', dir, r, peersField, lonePod], `namespaceSelector and podSelector are separate items of this list, so they are OR'ed and this podSelector matches only namespace ${policy.namespace}; if you meant those pods in those namespaces, put both selectors in one item (drop the "-" before podSelector).`);
  }
  rule.ports.forEach((p, i) => {
    if (typeof p.port !== 'string') return;
    const at: FieldPath = ['spec', dir, r, 'ports', i, 'port'];
    if (direction === 'Egress' && rule.peers.length > 0 && rule.peers.every((peer) => peer.ipBlock)) {
      report('KN7011', at, `The named port "${p.port}" is resolved on the destination pod, so it never matches an ipBlock destination; give the port as a number.`);
      return;
    }
    const receivers = direction === 'Ingress' ? selected : egressDestinations(cluster, ctx, policy, rule);
    if (receivers.length === 0) return;
    const has = (pod: Pod, protocol?: Protocol) => containerPorts(pod).some((cp) => cp.name === p.port && (protocol === undefined || cp.protocol === protocol));
    if (receivers.some((pod) => has(pod, p.protocol))) return;
    const other = receivers.flatMap(containerPorts).find((cp) => cp.name === p.port);
    const whose = direction === 'Ingress' ? 'pods this policy selects' : 'destination pods of this rule';
    report('KN7011', at, other
      ? `The ${whose} declare "${p.port}" only as ${other.protocol}, and a named port matches by name and protocol; set protocol: ${other.protocol} here.`
      : `No container of the ${whose} has a port named "${p.port}", so this entry allows nothing; use a port name the pods declare, or a number.`);
  });
}

function egressDestinations(cluster: Cluster, ctx: PolicyContext, policy: NetworkPolicy, rule: NetworkPolicyRule): Pod[] {
  if (rule.peers.length === 0) return cluster.pods;
  return cluster.pods.filter((pod) => rule.peers.some((peer) => selectorPeerMatches(ctx, policy.namespace, peer, pod)));
}

/**
 * Pods that use cluster DNS and whose egress allows no kube-dns backend on UDP 53 (or TCP 53), attributed
 * to the first policy (by name) that isolates them for egress. Pods with equal namespace and labels share a verdict.
 */
function dnsCheck(cluster: Cluster, ctx: PolicyContext): { blockedBy: Map<string, string> } {
  const blockedBy = new Map<string, string>();
  const dnsService = cluster.services.find((s) => s.key === 'kube-system/kube-dns');
  if (!dnsService) return { blockedBy };
  const backends: Array<{ pod: Pod; port: number; protocol: Protocol }> = [];
  for (const slice of cluster.endpointSlices.filter((s) => s.service === dnsService.key)) {
    for (const e of slice.endpoints) {
      const pod = cluster.pods.find((p) => p.key === e.targetRef);
      if (pod) for (const sp of slice.ports) backends.push({ pod, port: sp.port, protocol: sp.protocol });
    }
  }
  if (backends.length === 0) return { blockedBy };
  const perPolicy = new Map<string, { pods: string[]; udp: boolean }>();
  // Pods with equal namespace and labels share the verdict and the policy it is charged to.
  const seen = new Map<string, { udp: boolean; policy: string } | null>();
  for (const pod of cluster.pods) {
    if (pod.builtin || pod.hostNetwork || !pod.dnsPolicy.startsWith('ClusterFirst')) continue;
    const group = `${pod.namespace}\u0000${Object.keys(pod.labels).sort().map((k) => `${k}=${pod.labels[k]}`).join(',')}`;
    let blocked = seen.get(group);
    if (blocked === undefined) {
      const reachable = (protocol: Protocol) => backends.some((b) => b.protocol === protocol &&
        sideVerdict(ctx, 'Egress', pod, { pod: b.pod, ip: b.pod.podIP }, b.port, protocol, ctx.plugin !== 'cilium').allowed);
      const udp = !reachable('UDP');
      const first = udp || !reachable('TCP') ? (ctx.byNamespace.get(pod.namespace) ?? []).find((p) => p.policyTypes.includes('Egress') && policySelects(p, pod)) : undefined;
      blocked = first ? { udp, policy: first.key } : null;
      seen.set(group, blocked);
    }
    if (!blocked) continue;
    const entry = perPolicy.get(blocked.policy) ?? { pods: [], udp: false };
    entry.pods.push(pod.key);
    entry.udp ||= blocked.udp;
    perPolicy.set(blocked.policy, entry);
  }
  for (const [key, { pods, udp }] of perPolicy) {
    const who = pods.length === 1 ? pods[0] : `${pods[0]} and ${pods.length - 1} more`;
    blockedBy.set(key, udp
      ? `${key} isolates ${who} for egress with no rule allowing UDP 53 to the kube-dns pods, so name lookups fail; add an egress rule to namespaceSelector kubernetes.io/metadata.name: kube-system with podSelector k8s-app: kube-dns on port 53, protocols UDP and TCP.`
      : `${key} isolates ${who} for egress and allows DNS over UDP but not TCP 53, so large answers (which retry over TCP) fail; add port 53 with protocol: TCP to the DNS rule.`);
  }
  return { blockedBy };
}

// reach: may this connection be made, by NetworkPolicy? The source's egress and the destination's
// ingress must both allow it (replies ride on the connection). Service traffic is judged after DNAT.
import type { Cluster, Pod, Protocol, Simulation } from '../types';
import type { QuestionError } from '../questions';
import { findPod, isQuestionError, questionError, unsupportedProtocol } from '../model/refs';
import { containerPorts, isProtocol } from '../model/pods';
import { isIP } from '../model/ip';
import { policyContext, sideVerdict, type Endpoint, type PolicyContext, type SideVerdict } from './evaluate';
import type { DirectionVerdict, PluginSpecific, ReachAnswer, ReachQuestion } from './types';
import { describeVerdict } from './reason';

/** One end of a connection: a pod, or a bare address (an external client, a node after SNAT). */
export type PolicyPeer = { pod: Pod; ip?: string } | { pod?: undefined; ip: string };

export interface VerdictOptions {
  /** `ns/name` of the Service the connection went through (before DNAT): a pod reaching itself that way is hairpin traffic. */
  viaService?: string;
}


/** The container port a name means on `pod` (name and, when given, protocol). */
export function resolveNamedPort(pod: Pod, name: string, protocol?: Protocol): { port: number; protocol: Protocol } | null {
  const cp = containerPorts(pod).find((p) => p.name === name && (protocol === undefined || p.protocol === protocol));
  return cp ? { port: cp.containerPort, protocol: cp.protocol } : null;
}

function endpointOf(peer: PolicyPeer): Endpoint {
  return { pod: peer.pod ?? null, ip: peer.ip ?? peer.pod?.podIP ?? null };
}

const OPEN: SideVerdict = { isolated: false, allowed: true, selecting: [] };

function direction(side: SideVerdict, enforced: boolean): DirectionVerdict {
  const allowedBy = side.selecting.filter((s) => s.rule !== null);
  const policies = (enforced && side.isolated && side.allowed ? allowedBy : side.selecting).map((s) => s.policy);
  return { allowed: enforced ? side.allowed : true, enforced, policies, isolated: side.isolated, selecting: side.selecting };
}

/** Ingress from the pod's own node is always allowed (kubelet probes): DOC, and NetworkPolicyIngressRule's comment. */
function fromLocalNode(cluster: Cluster, src: Endpoint, dst: Pod): boolean {
  if (src.pod) return src.pod.hostNetwork && src.pod.nodeName !== null && src.pod.nodeName === dst.nodeName;
  if (src.ip === null) return false;
  const node = cluster.nodes.find((n) => n.name === dst.nodeName);
  return src.ip === dst.hostIP || (node !== undefined && node.internalIP === src.ip);
}

function sides(cluster: Cluster, ctx: PolicyContext, src: Endpoint, dst: Endpoint, port: number, protocol: Protocol, ipBlockMatchesPods: boolean) {
  const egress = src.pod ? sideVerdict(ctx, 'Egress', src.pod, dst, port, protocol, ipBlockMatchesPods) : OPEN;
  const ingress = dst.pod && !fromLocalNode(cluster, src, dst.pod) ? sideVerdict(ctx, 'Ingress', dst.pod, src, port, protocol, ipBlockMatchesPods) : OPEN;
  return { egress, ingress };
}

/**
 * May `from` open a connection to `to` on `port`/`protocol`? Egress of the source and ingress of the destination.
 * `to` is the pod after any Service DNAT, `port` its target port (a name is resolved on `to`).
 */
export function connectionVerdict(cluster: Cluster, from: PolicyPeer, to: PolicyPeer, port: number | string, protocol: Protocol, options: VerdictOptions = {}): ReachAnswer {
  const ctx = policyContext(cluster);
  const src = endpointOf(from);
  const dst = endpointOf(to);
  const numeric = typeof port === 'number' ? port : (dst.pod ? resolveNamedPort(dst.pod, port, protocol)?.port : undefined) ?? -1;
  const plugin = ctx.plugin;
  const enforced = plugin !== 'flannel';
  const self = src.pod !== null && dst.pod !== null && src.pod.key === dst.pod.key;
  const base = { port: numeric, protocol };
  if (self && !options.viaService) {
    return { allowed: true, egress: direction(OPEN, enforced), ingress: direction(OPEN, enforced), reason: `${src.pod!.key} is talking to itself: a pod cannot block its own traffic, so NetworkPolicy does not apply.`, ...base };
  }
  if (self && plugin === 'cilium') {
    return {
      allowed: true, egress: direction(OPEN, true), ingress: direction(OPEN, true), ...base, pluginSpecific: 'hairpin',
      reason: `${src.pod!.key} reaches itself through its own Service ${options.viaService}: Cilium does not apply NetworkPolicy to this hairpin traffic, so it is allowed (plugin-specific: Calico would check it).`,
    };
  }
  // Calico's semantics for ipBlock rules by default; Cilium never matches pod IPs against them.
  const chosen = sides(cluster, ctx, src, dst, numeric, protocol, plugin !== 'cilium');
  const other = sides(cluster, ctx, src, dst, numeric, protocol, plugin === 'cilium');
  const allowedChosen = chosen.egress.allowed && chosen.ingress.allowed;
  let pluginSpecific: PluginSpecific | undefined;
  if (enforced && allowedChosen !== (other.egress.allowed && other.ingress.allowed)) pluginSpecific = 'ipBlock-pod-ip';
  else if (self && enforced) pluginSpecific = 'hairpin';
  const answer: ReachAnswer = {
    allowed: enforced ? allowedChosen : true,
    egress: direction(chosen.egress, enforced),
    ingress: direction(chosen.ingress, enforced),
    reason: '',
    ...base,
  };
  if (pluginSpecific) answer.pluginSpecific = pluginSpecific;
  answer.reason = describeVerdict(answer, { src, dst, port: numeric, protocol, plugin, viaService: options.viaService });
  return answer;
}

type Resolved = { peer: PolicyPeer } | QuestionError;

function resolvePeer(cluster: Cluster, ref: unknown, role: 'from' | 'to'): Resolved {
  if (typeof ref === 'string' && ref.startsWith('ip:')) {
    const ip = ref.slice(3).trim();
    if (!isIP(ip)) return questionError('BAD_ARGUMENT', `--${role} ${ref}: "${ip}" is not an IP address.`);
    // A pod's own address is that pod, as the network sees it (a hostNetwork pod's is its node's).
    const pod = cluster.pods.find((p) => p.podIP === ip && !p.hostNetwork);
    return { peer: pod ? { pod, ip } : { ip } };
  }
  const pod = findPod(cluster, ref);
  return isQuestionError(pod) ? pod : { peer: { pod } };
}

export function reach(sim: Simulation, q: ReachQuestion): ReachAnswer | QuestionError {
  const cluster = sim.cluster;
  const from = resolvePeer(cluster, q?.from, 'from');
  if (isQuestionError(from)) return from;
  const to = resolvePeer(cluster, q?.to, 'to');
  if (isQuestionError(to)) return to;
  const given = q.protocol;
  if (given !== undefined && !isProtocol(given)) return unsupportedProtocol(given);
  const rawPort = typeof q.port === 'string' && /^\d+$/.test(q.port.trim()) ? Number(q.port.trim()) : q.port;
  if (typeof rawPort === 'number') {
    if (!Number.isInteger(rawPort) || rawPort < 1 || rawPort > 65535) return questionError('BAD_ARGUMENT', `--port ${rawPort} is out of range; use 1-65535 or a container port name.`);
    return toService(cluster, from.peer, to.peer, rawPort, given ?? 'TCP') ?? connectionVerdict(cluster, from.peer, to.peer, rawPort, given ?? 'TCP');
  }
  if (typeof rawPort !== 'string' || rawPort.trim() === '') return questionError('BAD_ARGUMENT', 'give --port a number (1-65535) or a container port name.');
  const name = rawPort.trim();
  if (!to.peer.pod) return questionError('BAD_ARGUMENT', `--port ${name} is a port name, which only a destination pod can resolve; give a number for ${q.to}.`);
  const resolved = resolveNamedPort(to.peer.pod, name, given);
  if (!resolved) {
    const names = containerPorts(to.peer.pod).filter((p) => p.name).map((p) => `${p.name} (${p.containerPort}/${p.protocol})`);
    return questionError('NOT_FOUND', `${to.peer.pod.key} has no container port named "${name}"${given ? ` for ${given}` : ''}; its named ports: ${names.join(', ') || 'none'}.`);
  }
  return connectionVerdict(cluster, from.peer, to.peer, resolved.port, resolved.protocol);
}

/** `--to ip:<ClusterIP>`: kube-proxy DNATs to a backend first, so each backend pod is judged on its target port. */
function toService(cluster: Cluster, from: PolicyPeer, to: PolicyPeer, port: number, protocol: Protocol): ReachAnswer | null {
  if (to.pod) return null;
  const service = cluster.services.find((s) => s.clusterIP === to.ip && !s.headless);
  const sp = service?.ports.find((p) => p.port === port && p.protocol === protocol);
  if (!service || !sp) return null;
  const backends: Array<{ pod: Pod; port: number }> = [];
  for (const slice of cluster.endpointSlices.filter((s) => s.service === service.key)) {
    const target = slice.ports.find((p) => p.name === sp.name && p.protocol === protocol);
    if (!target) continue;
    for (const e of slice.endpoints) {
      const pod = e.conditions.ready ? cluster.pods.find((p) => p.key === e.targetRef) : undefined;
      if (pod) backends.push({ pod, port: target.port });
    }
  }
  if (backends.length === 0) return null;
  const verdicts = backends.map((b) => ({ b, v: connectionVerdict(cluster, from, { pod: b.pod }, b.port, protocol, { viaService: service.key }) }));
  const shown = verdicts.find((x) => !x.v.allowed) ?? verdicts[0];
  const allowedCount = verdicts.filter((x) => x.v.allowed).length;
  const lead = allowedCount === verdicts.length
    ? `Through Service ${service.key} (DNAT to ${verdicts.length} backend${verdicts.length === 1 ? '' : 's'}, all allowed)`
    : `Through Service ${service.key} (DNAT: ${verdicts.length - allowedCount} of ${verdicts.length} backends denied, ${shown.b.pod.key} for one)`;
  return {
    ...shown.v,
    allowed: allowedCount === verdicts.length,
    reason: `${lead}: ${shown.v.reason}`,
    service: { service: service.key, backends: verdicts.map((x) => ({ pod: x.b.pod.key, port: x.b.port, allowed: x.v.allowed })) },
  };
}

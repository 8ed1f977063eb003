// The last stretch: across to the pod's node, through NetworkPolicy, into a listening port.
import type { Node, Pod, Service, ServicePort } from '../types';
import type { ReachAnswer } from '../policy/types';
import { connectionVerdict, type PolicyPeer } from '../policy/reach';
import { containerPorts } from '../model/pods';
import { addr, drop, fieldLines, hop, nodeRef, podRef, type Walk } from './walk';

export interface ViaService {
  service: Service;
  sp: ServicePort;
}


const list = (names: string[]) => names.join(', ');

function policyVerdict(w: Walk, dest: Pod, port: number, srcIp: string, via: ViaService | null): ReachAnswer {
  const src = w.source;
  const from: PolicyPeer = src.pod ? (srcIp === src.pod.podIP ? { pod: src.pod } : { pod: src.pod, ip: srcIp }) : { ip: srcIp };
  // Through a Service, a pod reaching itself is hairpin traffic, which plugins judge differently.
  return connectionVerdict(w.cluster, from, { pod: dest }, port, w.protocol, via ? { viaService: via.service.key } : {});
}

/** Egress is enforced where the packet leaves: on the source's node, after DNAT. False when dropped. */
function egressCheck(w: Walk, verdict: ReachAnswer, dest: Pod, port: number, packet: { src: string; dst: string }): boolean {
  const { egress } = verdict;
  const src = w.source.pod;
  if (egress.allowed || !src) return true;
  hop(w, 'Policy', list(egress.policies) || src.key, src.podIP, null, verdict.reason, { ref: podRef(src), packet });
  drop(w, 'POLICY_DENIED_EGRESS', `NetworkPolicy ${list(egress.policies)} selects ${src.key} for egress and no rule allows ${dest.key} on ${port}/${w.protocol}.`,
    `Policies add up: add a NetworkPolicy that selects ${src.key} with an egress rule allowing ${dest.key}'s labels on port ${port}/${w.protocol} (rather than loosening ${list(egress.policies) || 'the default deny'}).`, egress.selecting.map((p) => p.source));
  return false;
}

/** Ingress is enforced at the destination, on the source address the pod sees. A Policy hop whenever a policy had a say. */
function ingressCheck(w: Walk, verdict: ReachAnswer, dest: Pod, port: number, srcIp: string, packet: { src: string; dst: string }): boolean {
  const { egress, ingress } = verdict;
  const src = w.source.pod;
  if (!ingress.allowed) {
    hop(w, 'Policy', list(ingress.policies) || dest.key, dest.podIP, port, verdict.reason, { ref: podRef(dest), packet });
    const who = src ? src.key : srcIp;
    const seenAs = !src || srcIp !== src.podIP ? ` (the pod sees the source as ${srcIp})` : '';
    drop(w, 'POLICY_DENIED_INGRESS', `NetworkPolicy ${list(ingress.policies)} selects ${dest.key} for ingress and no rule allows ${who}${seenAs} on ${port}/${w.protocol}.`,
      `Policies add up: add a NetworkPolicy that selects ${dest.key} with an ingress rule allowing ${src ? `${src.key}'s labels` : srcIp} on port ${port}/${w.protocol} (rather than loosening ${list(ingress.policies) || 'the default deny'}).`, ingress.selecting.map((p) => p.source));
    return false;
  }
  const involved = [...new Set([...egress.policies, ...ingress.policies])];
  // The verdict says so when the plugin does not enforce: the note passes it on.
  if (involved.length > 0) hop(w, 'Policy', list(involved), dest.podIP, port, verdict.reason, { ref: podRef(dest), packet });
  return true;
}

function refused(w: Walk, dest: Pod, port: number, via: ViaService | null): void {
  const declared = containerPorts(dest).filter((p) => p.protocol === w.protocol).map((p) => p.containerPort);
  const containerLines = [...dest.containers, ...dest.initContainers].map((c) => fieldLines(w, dest.source, `container:${c.name}`));
  const have = declared.length ? `declares containerPort ${declared.join(', ')}` : `declares no ${w.protocol} container port`;
  if (via) {
    const tp = via.sp.targetPort;
    drop(w, 'CONNECTION_REFUSED',
      `${via.service.key} sends port ${via.sp.port} to targetPort ${tp}, but ${dest.key} ${have}: the classic targetPort/containerPort mismatch — nothing listens on ${port}, so the pod answers with a reset (connection refused).`,
      `Set targetPort to ${declared[0] ?? 'the port the container listens on'} (or to the container port's name), or make the container listen on ${port}.`,
      [fieldLines(w, via.service.source, `targetPort:${via.sp.port}/${via.sp.protocol}`), ...containerLines]);
  } else {
    drop(w, 'CONNECTION_REFUSED', `${dest.key} ${have}; nothing listens on ${port}/${w.protocol}, so the pod answers with a reset (connection refused).`,
      `Send to a port the pod declares${declared.length ? ` (${declared.join(', ')})` : ''}, or add the port to the container.`, containerLines);
  }
}

/** From `at` (the node the packet is on) to `dest`:`port`; `srcIp` is the source as the pod will see it. */
export function arriveAtPod(w: Walk, dest: Pod, port: number, srcIp: string, at: Node | null, via: ViaService | null): void {
  const destIP = dest.podIP ?? '';
  const packet = { src: addr(srcIp, w.source.port), dst: addr(destIP, port) };
  const destNode = dest.nodeName ? w.index.nodesByName.get(dest.nodeName) : undefined;
  const verdict = policyVerdict(w, dest, port, srcIp, via);
  if (!egressCheck(w, verdict, dest, port, packet)) return;
  if (destNode && at && destNode.name !== at.name) {
    hop(w, 'Node', destNode.name, destNode.internalIP, null, `${at.name} forwards the packet over the pod network to ${destNode.name}, where ${dest.key} runs (pod CIDR ${destNode.podCIDR}).`, { ref: nodeRef(destNode), packet });
  }
  w.answer.sourceIpAtPod = srcIp;
  if (!ingressCheck(w, verdict, dest, port, srcIp, packet)) return;
  const declared = containerPorts(dest);
  const listening = declared.some((p) => p.containerPort === port && p.protocol === w.protocol);
  const where = destNode ? ` on ${destNode.name}` : '';
  const seen = srcIp === w.source.ip ? `from ${srcIp}` : `from ${srcIp} (not the client's ${w.source.ip}: the source was rewritten on the way)`;
  if (declared.length > 0 && !listening) {
    hop(w, 'Pod', dest.key, destIP, port, `The packet reaches ${dest.key}${where}, but no container declares ${port}/${w.protocol}.`, { ref: podRef(dest), packet });
    refused(w, dest, port, via);
    return;
  }
  const assumed = declared.length === 0 ? ` (the pod declares no container ports; the simulator assumes its process listens on ${port})` : '';
  hop(w, 'Pod', dest.key, destIP, port, `Delivered to ${dest.key}${where}: the process on ${port}/${w.protocol} gets the request ${seen}${assumed}.`, { ref: podRef(dest), packet });
  w.answer.delivered = true;
  w.answer.status = w.protocol === 'TCP' ? 200 : null;
  w.answer.destination = { pod: dest.key, ip: destIP, port };
  w.answer.drop = null;
}

// kube-proxy on one node: which endpoints a connection may use (traffic policies, the
// serving-terminating fallback), which one it gets (balance.ts), DNAT, SNAT, and why it fails.
import type { Node, Service, ServicePort } from '../types';
import { serviceBackends, usableBackends, type Backend, type ServiceBackends } from '../services/endpoints';
import { chooseBackend } from '../services/balance';
import { arriveAtPod } from './arrive';
import { addr, drop, fieldLines, hop, nodeRef, serviceRef, setCandidates, type Walk } from './walk';

export interface Entry {
  kind: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalIP';
  /** The node whose kube-proxy handles the packet. */
  node: Node;
  /** The address and port kube-proxy matched. */
  vip: string;
  vport: number;
}

const selectorText = (s: Record<string, string>) => Object.entries(s).map(([k, v]) => `${k}=${v}`).join(',');

function noEndpoints(w: Walk, service: Service, sp: ServicePort, found: ServiceBackends): void {
  const base = `${service.key} has no usable endpoint for port ${sp.port}/${sp.protocol}, so kube-proxy rejects the connection (ICMP port unreachable: the client sees "connection refused" at once)`;
  if (service.selector === null) {
    drop(w, 'NO_ENDPOINTS', `${base}: the Service has no selector, so no EndpointSlices are made for it.`,
      'Give the Service a selector matching its pods, or add an EndpointSlice labelled kubernetes.io/service-name for it.', [fieldLines(w, service.source, 'ports')]);
  } else if (found.listed.length === 0 && found.withoutPort.length > 0) {
    drop(w, 'NO_ENDPOINTS', `${base}: the named targetPort "${sp.targetPort}" matches no ${sp.protocol} container port of its pods (${found.withoutPort.join(', ')}).`,
      `Name a container port "${sp.targetPort}" in the pods, or set targetPort to the port number they listen on.`, [fieldLines(w, service.source, `targetPort:${sp.port}/${sp.protocol}`)]);
  } else if (found.listed.length === 0) {
    drop(w, 'NO_ENDPOINTS', `${base}: its selector ${selectorText(service.selector)} matches no running pod in ${service.namespace}.`,
      'Make the selector match the labels of the pods (kubectl get pods --show-labels), in the same namespace.', [fieldLines(w, service.source, 'selector')]);
  } else {
    drop(w, 'NO_ENDPOINTS', `${base}: none of its ${found.listed.length} endpoints is ready (and none is serving while terminating).`,
      'Fix the pods\' readiness (their readiness probe, or a crash) so they become Ready.', [fieldLines(w, service.source, 'selector')]);
  }
}

function otherNodesWith(backends: Backend[], except: string): string[] {
  return [...new Set(backends.filter((b) => b.conditions.ready && b.nodeName && b.nodeName !== except).map((b) => b.nodeName as string))].sort();
}

/** Follow the packet through kube-proxy on `entry.node` to a backend pod. */
export function throughKubeProxy(w: Walk, service: Service, sp: ServicePort, entry: Entry): void {
  const src = w.source;
  const external = entry.kind !== 'ClusterIP';
  const found = serviceBackends(w.index, service, sp);
  const cluster = usableBackends(found.listed);
  const kpName = entry.node.name;
  const rejectPacket = { src: addr(src.ip, src.port), dst: addr(entry.vip, entry.vport) };
  const kpHop = (note: string, packet = rejectPacket, ref = serviceRef(service.key)) =>
    hop(w, 'KubeProxy', kpName, entry.vip, entry.vport, note, { ref, packet, sources: [fieldLines(w, service.source, `port:${sp.port}/${sp.protocol}`)].filter((x) => x !== null) });

  if (cluster.backends.length === 0) {
    kpHop(`kube-proxy on ${kpName} finds no usable endpoint for ${service.key} port ${sp.port} and rejects the packet.`);
    noEndpoints(w, service, sp, found);
    return;
  }
  // Which set the rules use: the Local set of one node, or the whole cluster.
  const externalLocal = external && service.externalTrafficPolicy === 'Local';
  const internalLocal = !external && service.internalTrafficPolicy === 'Local' && src.pod !== null;
  const scopeNode = externalLocal && !src.pod ? entry.node.name : internalLocal ? (src.node?.name ?? entry.node.name) : undefined;
  const usable = scopeNode !== undefined ? usableBackends(found.listed, scopeNode) : cluster;
  if (usable.backends.length === 0) {
    const others = otherNodesWith(found.listed, scopeNode as string);
    const which = others.length ? ` (endpoints run on ${others.join(', ')})` : '';
    if (internalLocal) {
      // The drop happens on the node: that is where the packet stops.
      kpHop(`internalTrafficPolicy Local: kube-proxy on ${kpName} only uses endpoints on ${kpName} and there are none, so it drops the packet.`, rejectPacket, nodeRef(entry.node));
      drop(w, 'NO_LOCAL_ENDPOINT', `${service.key} has internalTrafficPolicy Local and no endpoint on ${kpName}, where ${src.pod?.key} runs${which}: kube-proxy drops the packet (the client times out).`,
        'Run an endpoint on every node that sends to it (a DaemonSet), or set internalTrafficPolicy: Cluster.', [fieldLines(w, service.source, 'internalTrafficPolicy')]);
    } else {
      kpHop(`externalTrafficPolicy Local: kube-proxy on ${kpName} only uses endpoints on ${kpName} and there are none, so it drops the packet.`, rejectPacket, nodeRef(entry.node));
      drop(w, 'NO_LOCAL_ENDPOINT', `${service.key} has externalTrafficPolicy Local and ${kpName} runs none of its endpoints${which}: kube-proxy drops the packet (the client times out).`,
        `Send to a node that runs an endpoint${others.length ? ` (${others.join(', ')})` : ''}, let the load balancer's health check pick the node, or set externalTrafficPolicy: Cluster (the pod then sees a node address instead of the client's).`,
        [fieldLines(w, service.source, 'externalTrafficPolicy')]);
    }
    return;
  }

  // kube-proxy sees the source as it arrives (before any masquerade): the key for affinity and sh.
  const scope = scopeNode !== undefined ? `local:${scopeNode}` : 'cluster';
  const choice = chooseBackend({
    mode: w.cluster.settings.proxyMode, scheduler: w.cluster.settings.ipvsScheduler, service,
    ruleKey: `${service.key}:${sp.port}/${sp.protocol}:${scope}`, backends: usable.backends,
    clientIP: src.ip, destinationIP: entry.vip, random: w.random, state: w.state,
  });
  setCandidates(w, choice.candidates.map((c) => ({ pod: c.backend.pod, probability: c.probability })));
  const b = choice.backend;
  const destPod = w.index.podsByKey.get(b.pod) ?? null;
  const hairpin = src.pod !== null && destPod !== null && destPod.key === src.pod.key;
  const masquerade = (external && service.externalTrafficPolicy !== 'Local') || hairpin;
  const shortCircuit = external && service.externalTrafficPolicy === 'Local' && src.pod !== null;
  const srcAtPod = masquerade ? entry.node.internalIP : src.ip;

  const position = usable.backends.indexOf(b) + 1;
  const parts = [`kube-proxy on ${kpName} rewrites ${addr(entry.vip, entry.vport)} to ${addr(b.ip, b.port)} (DNAT) — ${position} of ${usable.backends.length} endpoint${usable.backends.length === 1 ? '' : 's'}, ${choice.how}`];
  if (typeof sp.targetPort === 'string') parts.push(`targetPort "${sp.targetPort}" is ${b.port} on ${b.pod}`);
  if (masquerade) parts.push(hairpin ? `the pod is talking to itself through its Service, so the source is masqueraded to ${kpName}'s ${srcAtPod} (hairpin)` : `the source ${src.ip} becomes ${kpName}'s ${srcAtPod} (SNAT, externalTrafficPolicy Cluster)`);
  else if (externalLocal && !src.pod) parts.push(`externalTrafficPolicy Local keeps the client's source ${src.ip}`);
  if (shortCircuit) parts.push('traffic from a pod to an externalTrafficPolicy Local Service is sent to any endpoint in the cluster, unmasqueraded');
  if (internalLocal) parts.push(`internalTrafficPolicy Local: only endpoints on ${kpName} are used`);
  if (usable.terminatingFallback) parts.push('no endpoint is ready, so kube-proxy falls back to the serving, terminating ones');
  if (service.sessionAffinity === 'ClientIP') parts.push(`sessionAffinity ClientIP: later requests from ${src.ip} stick to this pod (timeout ${service.sessionAffinityTimeoutSeconds ?? 10800} s)`);
  kpHop(parts.join('; ') + '.', { src: addr(srcAtPod, src.port), dst: addr(b.ip, b.port) });

  if (!destPod) {
    // An endpoint that names no pod (the API server, a hand-written EndpointSlice): delivered to the address.
    w.answer.delivered = true;
    w.answer.status = w.protocol === 'TCP' ? 200 : null;
    w.answer.destination = { pod: b.pod, ip: b.ip, port: b.port };
    w.answer.sourceIpAtPod = srcAtPod;
    return;
  }
  arriveAtPod(w, destPod, b.port, srcAtPod, entry.node, { service, sp });
}

// Where an address leads: a load balancer, a node's NodePort, a ClusterIP, a pod, or nowhere.
import type { Node, Service } from '../types';
import { parseCIDR4, parseIPv4, inRange } from '../model/ip';
import { serviceBackends, sourceRanges, usableBackends } from '../services/endpoints';
import { throughKubeProxy } from './kubeProxy';
import { arriveAtPod } from './arrive';
import { addr, drop, fieldLines, hop, nodeRef, serviceRef, type Walk } from './walk';

const portsText = (s: Service) => s.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') || 'none';

function inRanges(ip: string, ranges: string[]): boolean {
  const n = parseIPv4(ip);
  return n !== null && ranges.some((r) => {
    const range = parseCIDR4(r);
    return range !== null && inRange(range, n);
  });
}

function packetTo(w: Walk, ip: string, port: number) {
  return { src: addr(w.source.ip, w.source.port), dst: addr(ip, port) };
}

function noRoute(w: Walk, message: string, fix: string): void {
  drop(w, 'NO_ROUTE', message, fix);
}

/** Nodes a cloud load balancer's health check (healthCheckNodePort) passes: those running a usable local endpoint. */
function healthyNodes(w: Walk, service: Service): Node[] {
  const listed = service.ports.flatMap((sp) => serviceBackends(w.index, service, sp).listed);
  return w.cluster.nodes.filter((n) => n.ready && usableBackends(listed, n.name).backends.length > 0);
}

function loadBalancer(w: Walk, services: Service[], ip: string, port: number): void {
  const service = services.find((s) => s.ports.some((p) => p.port === port && p.protocol === w.protocol)) ?? services[0];
  const sp = service.ports.find((p) => p.port === port && p.protocol === w.protocol);
  const fromPod = w.source.pod !== null;
  const lbNote = fromPod
    ? `${ip} is the load balancer of ${service.key}; kube-proxy on ${w.source.node?.name} captures it before the packet leaves the node, so it never reaches the cloud load balancer.`
    : `The cloud load balancer of ${service.key} receives the request on ${addr(ip, port)}.`;
  const lbHop = (note: string) => hop(w, 'LoadBalancer', service.key, ip, port, note, { ref: `LoadBalancer/${service.key}`, packet: packetTo(w, ip, port) });
  if (!sp) {
    lbHop(lbNote);
    drop(w, 'PORT_NOT_LISTENING', `The load balancer ${ip} of ${service.key} has no listener on ${port}/${w.protocol} (the Service exposes ${portsText(service)}).`,
      `Send to one of the Service's ports (${portsText(service)}), or add ${port} to its ports.`, [fieldLines(w, service.source, 'ports')]);
    return;
  }
  const { ranges, fromAnnotation } = sourceRanges(service);
  if (ranges.length > 0 && !inRanges(w.source.ip, ranges)) {
    lbHop(`${lbNote} Its loadBalancerSourceRanges (${ranges.join(', ')}) do not include ${w.source.ip}.`);
    drop(w, 'SOURCE_RANGE_DENIED', `${w.source.ip} is outside ${service.key}'s ${fromAnnotation ? 'load-balancer-source-ranges annotation' : 'loadBalancerSourceRanges'} (${ranges.join(', ')}): the load balancer (and kube-proxy's firewall rules for ${ip}) drop it.`,
      `Add a CIDR containing ${w.source.ip} to ${fromAnnotation ? 'the annotation' : 'loadBalancerSourceRanges'}, or send from an allowed address (--src-ip).`,
      [fieldLines(w, service.source, fromAnnotation ? 'sourceRangesAnnotation' : 'loadBalancerSourceRanges')]);
    return;
  }
  const rangesNote = ranges.length > 0 ? ` ${w.source.ip} is inside its source ranges (${ranges.join(', ')}).` : '';
  if (fromPod) {
    lbHop(lbNote + rangesNote);
    throughKubeProxy(w, service, sp, { kind: 'LoadBalancer', node: w.source.node as Node, vip: ip, vport: port });
    return;
  }
  let node: Node | undefined = w.viaNode ?? undefined;
  let steering = '';
  if (service.externalTrafficPolicy === 'Local') {
    const healthy = healthyNodes(w, service);
    const failing = w.cluster.nodes.filter((n) => !healthy.includes(n)).map((n) => n.name);
    const hc = service.healthCheckNodePort ? ` on healthCheckNodePort ${service.healthCheckNodePort}` : '';
    steering = ` externalTrafficPolicy Local: its health check${hc} passes on ${healthy.map((n) => n.name).join(', ') || 'no node'} (they run an endpoint)${failing.length ? ` and fails on ${failing.join(', ')}` : ''}.`;
    if (!node) node = healthy[0];
  }
  node ??= w.cluster.nodes[0];
  if (!node) {
    lbHop(lbNote);
    noRoute(w, 'The cluster has no node for the load balancer to send to.', 'Add a Node.');
    return;
  }
  const choice = w.viaNode ? `sends it to ${node.name} (--via-node)` : `sends it to ${node.name} (simulated: a real one spreads connections over every node that passes its health check)`;
  lbHop(`${lbNote}${rangesNote}${steering} It ${choice}.`);
  const nodePort = sp.nodePort;
  const dstPort = nodePort ?? port;
  hop(w, 'NodePort', node.name, node.internalIP, dstPort,
    nodePort ? `${node.name} receives it on nodePort ${nodePort} of ${service.key} (every node listens on it).` : `${node.name} receives it still addressed to ${addr(ip, port)} (no node ports allocated; kube-proxy captures the load balancer IP).`,
    { ref: nodeRef(node), packet: { src: addr(w.source.ip, w.source.port), dst: addr(node.internalIP, dstPort) } });
  throughKubeProxy(w, service, sp, { kind: 'LoadBalancer', node, vip: nodePort ? node.internalIP : ip, vport: dstPort });
}

function nodePort(w: Walk, node: Node, port: number): void {
  const service = w.cluster.services.find((s) => (s.type === 'NodePort' || s.type === 'LoadBalancer') && s.ports.some((p) => p.nodePort === port && p.protocol === w.protocol));
  const sp = service?.ports.find((p) => p.nodePort === port && p.protocol === w.protocol);
  if (!service || !sp) {
    hop(w, 'Node', node.name, node.internalIP, port, `${node.internalIP} is ${node.name}; no Service has nodePort ${port}/${w.protocol}.`, { ref: nodeRef(node), packet: packetTo(w, node.internalIP, port) });
    const range = w.cluster.settings.nodePortRange;
    drop(w, 'PORT_NOT_LISTENING', `Nothing listens on ${node.name}:${port}/${w.protocol}: no Service has that nodePort (node ports are ${range.min}-${range.max}), so the node answers with a reset.`,
      'Send to the nodePort of a NodePort or LoadBalancer Service (kubectl get svc shows it, e.g. 80:31234/TCP).');
    return;
  }
  const from = w.source.pod ? `${w.source.pod.key}` : 'the client';
  hop(w, 'NodePort', node.name, node.internalIP, port, `${from} sends to ${node.name}:${port}, the nodePort of ${service.key} port ${sp.port} (every node listens on it).`,
    { ref: nodeRef(node), packet: packetTo(w, node.internalIP, port), sources: [fieldLines(w, service.source, `port:${sp.port}/${sp.protocol}`)].filter((x) => x !== null) });
  throughKubeProxy(w, service, sp, { kind: 'NodePort', node, vip: node.internalIP, vport: port });
}

function externalIP(w: Walk, services: Service[], ip: string, port: number): void {
  const service = services.find((s) => s.ports.some((p) => p.port === port && p.protocol === w.protocol));
  const sp = service?.ports.find((p) => p.port === port && p.protocol === w.protocol);
  const node = w.viaNode ?? (w.source.pod ? w.source.node : w.cluster.nodes[0]) ?? null;
  if (!service || !sp || !node) {
    noRoute(w, `${ip} is an externalIP of ${services[0].key}, but it exposes no ${port}/${w.protocol}: no kube-proxy rule matches.`, `Send to one of its ports (${portsText(services[0])}).`);
    return;
  }
  hop(w, 'Node', node.name, node.internalIP, port, `Your network routes ${ip} (an externalIP of ${service.key}) to ${node.name}, where kube-proxy captures it.`, { ref: nodeRef(node), packet: packetTo(w, ip, port) });
  throughKubeProxy(w, service, sp, { kind: 'ExternalIP', node, vip: ip, vport: port });
}

function clusterIP(w: Walk, service: Service, ip: string, port: number): void {
  const sp = service.ports.find((p) => p.port === port && p.protocol === w.protocol);
  const node = w.source.node;
  hop(w, 'ClusterIP', service.key, ip, port, `${addr(ip, port)} is the ClusterIP of ${service.key}: a virtual address no interface owns; kube-proxy on ${node?.name ?? 'the node'} catches the packet before it leaves the node.`,
    { ref: serviceRef(service.key), packet: packetTo(w, ip, port) });
  if (!sp || !node) {
    const mode = w.cluster.settings.proxyMode;
    const exposes = `${service.key} exposes ${portsText(service)}, not ${port}/${w.protocol}`;
    const fix = `Use the Service's port (${portsText(service)}), or add ${port} to its ports.`;
    const lines = [fieldLines(w, service.source, 'ports')];
    if (mode === 'iptables') drop(w, 'NO_ROUTE', `${exposes}: no kube-proxy (iptables) rule matches, so the packet follows the default route and is lost (the client times out).`, fix, lines);
    else if (mode === 'ipvs') drop(w, 'PORT_NOT_LISTENING', `${exposes}: IPVS binds the ClusterIP to kube-ipvs0 on every node, so the node itself answers — nothing listens there, connection refused.`, fix, lines);
    else drop(w, 'PORT_NOT_LISTENING', `${exposes}: kube-proxy (nftables) rejects traffic to a ClusterIP on a port the Service does not define (connection refused).`, fix, lines);
    return;
  }
  throughKubeProxy(w, service, sp, { kind: 'ClusterIP', node, vip: ip, vport: port });
}

/** Follow the packet from the source to `ip`:`port`. */
export function toAddress(w: Walk, ip: string, port: number): void {
  const { index } = w;
  const external = w.source.pod === null;
  const lb = index.byLoadBalancerIP.get(ip);
  if (lb) return loadBalancer(w, lb, ip, port);
  const node = index.nodesByIP.get(ip);
  if (node) return nodePort(w, node, port);
  const eip = index.byExternalIP.get(ip);
  if (eip) return externalIP(w, eip, ip, port);
  const svc = index.byClusterIP.get(ip);
  if (svc) {
    if (external) return noRoute(w, `${ip} is the ClusterIP of ${svc.key}: a virtual address that exists only inside the cluster, so nothing outside routes to it.`,
      `From outside, use a LoadBalancer IP or a node's IP with a nodePort (make ${svc.key} type NodePort or LoadBalancer).`);
    return clusterIP(w, svc, ip, port);
  }
  const pod = index.podsByIP.get(ip);
  if (pod) {
    if (external) return noRoute(w, `${ip} is the IP of pod ${pod.key}: pod IPs are routed only inside the cluster's pod network.`, 'Expose the pod through a NodePort or LoadBalancer Service.');
    return arriveAtPod(w, pod, port, w.source.ip, w.source.node, null);
  }
  const upstream = index.upstreamByIP.get(ip);
  if (upstream) return noRoute(w, `${ip} is ${upstream}, outside the cluster: the request leaves the cluster and the simulation follows it no further.`, 'Nothing to fix if that is where it should go.');
  noRoute(w, `Nothing owns ${ip}: it is no LoadBalancer IP, node, ClusterIP or pod of this cluster, nor a known outside host.`, 'Check the address: kubectl get svc,pods,nodes -o wide lists the addresses the cluster knows.');
}

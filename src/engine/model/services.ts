// Services as the API server stores them: defaults applied, ClusterIPs, nodePorts and load balancer
// addresses allocated. Input values are reserved first; a conflict is the later object's error.
import type { ClusterSettings, Diagnostic, Service, ServicePort, ServiceType } from '../types';
import { locate, type ParsedObject } from '../parse/parse';
import { bool, field, int, list, str, stringMap } from '../parse/read';
import { diagnostic } from '../diagnostics/make';
import { fnv1a } from './hash';
import { formatIPv4, inRange, parseCIDR4, parseIPv4, type Range4 } from './ip';
import { readProtocol } from './pods';

const TYPES: ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

export interface Draft {
  service: Service;
  obj: ParsedObject | null;
  /** Index of each model port in spec.ports (for locating fields). */
  portIndex: number[];
  givenClusterIP: string | null;
}

export function readService(o: ParsedObject): Draft {
  const spec = field(o.value, 'spec');
  const rawType = str(field(spec, 'type'));
  const type: ServiceType = TYPES.includes(rawType as ServiceType) ? (rawType as ServiceType) : 'ClusterIP';
  const namespace = o.namespace ?? 'default';
  const ports: ServicePort[] = [];
  const portIndex: number[] = [];
  list(field(spec, 'ports')).forEach((p, i) => {
    const port = int(field(p, 'port'));
    if (port === undefined) return;
    const tp = field(p, 'targetPort');
    const targetPort = typeof tp === 'string' && tp !== '' ? tp : int(tp) ? (tp as number) : port;
    const nodePort = int(field(p, 'nodePort'));
    ports.push({
      name: str(field(p, 'name')) || null,
      protocol: readProtocol(field(p, 'protocol')),
      port,
      targetPort,
      nodePort: nodePort && (type === 'NodePort' || type === 'LoadBalancer') ? nodePort : null,
      appProtocol: str(field(p, 'appProtocol')) ?? null,
    });
    portIndex.push(i);
  });
  const selector = stringMap(field(spec, 'selector'));
  const rawClusterIP = str(field(spec, 'clusterIP'));
  const headless = type !== 'ExternalName' && rawClusterIP === 'None';
  const externalIPs = list(field(spec, 'externalIPs')).filter((x): x is string => typeof x === 'string');
  const externallyReachable = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && externalIPs.length > 0);
  const etp = str(field(spec, 'externalTrafficPolicy'));
  const itp = str(field(spec, 'internalTrafficPolicy'));
  const affinity = str(field(spec, 'sessionAffinity')) === 'ClientIP' ? 'ClientIP' : 'None';
  const timeout = int(field(spec, 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'));
  const lbIngress = list(field(o.value, 'status', 'loadBalancer', 'ingress'))
    .map((i) => str(field(i, 'ip')) ?? str(field(i, 'hostname')))
    .filter((x): x is string => !!x);
  const service: Service = {
    key: `${namespace}/${o.name}`,
    name: o.name,
    namespace,
    type,
    labels: stringMap(field(o.value, 'metadata', 'labels')),
    annotations: stringMap(field(o.value, 'metadata', 'annotations')),
    clusterIP: type === 'ExternalName' ? null : headless ? 'None' : null,
    headless,
    ports,
    selector: Object.keys(selector).length > 0 ? selector : null,
    externalName: type === 'ExternalName' ? (str(field(spec, 'externalName')) ?? null) : null,
    externalIPs,
    loadBalancerIngress: type === 'LoadBalancer' ? lbIngress : [],
    loadBalancerSourceRanges: list(field(spec, 'loadBalancerSourceRanges')).filter((x): x is string => typeof x === 'string').map((x) => x.trim()),
    externalTrafficPolicy: externallyReachable ? (etp === 'Local' ? 'Local' : 'Cluster') : null,
    internalTrafficPolicy: itp === 'Local' ? 'Local' : 'Cluster',
    healthCheckNodePort: null,
    sessionAffinity: affinity,
    sessionAffinityTimeoutSeconds: affinity === 'ClientIP' ? (timeout ?? 10800) : null,
    publishNotReadyAddresses: bool(field(spec, 'publishNotReadyAddresses')) ?? false,
    allocateLoadBalancerNodePorts: type === 'LoadBalancer' ? (bool(field(spec, 'allocateLoadBalancerNodePorts')) ?? true) : null,
    builtin: false,
    source: o.source,
  };
  const givenClusterIP = type !== 'ExternalName' && rawClusterIP && rawClusterIP !== 'None' ? rawClusterIP : null;
  return { service, obj: o, portIndex, givenClusterIP };
}

/** Linear probing from a hashed start: stable per key while the slot stays free. */
function probe(key: string, size: number, free: (offset: number) => boolean): number | null {
  if (size <= 0) return null;
  const start = fnv1a(key) % size;
  for (let i = 0; i < size; i++) {
    const offset = (start + i) % size;
    if (free(offset)) return offset;
  }
  return null;
}

export function allocateServices(drafts: Draft[], settings: ClusterSettings, diagnostics: Diagnostic[]): Service[] {
  const cidr: Range4 = parseCIDR4(settings.serviceCIDR) ?? parseCIDR4('10.96.0.0/12')!;
  const dnsIP = parseIPv4(settings.dnsServiceIP);
  const firstIP = (cidr.base + 1) >>> 0;
  const usedIPs = new Map<number, string>();
  const objKey = (d: Draft): string => `Service/${d.service.namespace}/${d.service.name}`;
  const at = (d: Draft, path: Array<string | number>) => (d.obj ? locate(d.obj, path) : null);

  // 1. ClusterIPs given in the input (built-ins first: the API server made them before anything else).
  for (const d of drafts) {
    if (!d.givenClusterIP) continue;
    const ip = parseIPv4(d.givenClusterIP);
    const where = at(d, ['spec', 'clusterIP']);
    if (ip === null || !inRange(cidr, ip) || ip === cidr.base || ip === (cidr.base + cidr.size - 1) >>> 0) {
      if (where) diagnostics.push(diagnostic('KN3010', where, `clusterIP ${d.givenClusterIP} is not a usable address in the service CIDR ${settings.serviceCIDR}; remove it to get one allocated, or pick one inside the range.`, objKey(d)));
      continue;
    }
    const owner = usedIPs.get(ip);
    if (owner !== undefined) {
      if (where) diagnostics.push(diagnostic('KN3011', where, `clusterIP ${d.givenClusterIP} is already allocated to Service ${owner}, so the API server refuses this one; remove the clusterIP field or pick a free address.`, objKey(d)));
      continue;
    }
    usedIPs.set(ip, d.service.key);
    d.service.clusterIP = d.givenClusterIP;
  }
  // 2. Allocate the rest, never the first address (kubernetes) nor the DNS address.
  for (const d of drafts) {
    const s = d.service;
    if (s.type === 'ExternalName' || s.headless || s.clusterIP !== null) continue;
    const offset = probe(s.key, cidr.size - 2, (o) => {
      const ip = (cidr.base + 1 + o) >>> 0;
      return ip !== firstIP && ip !== dnsIP && !usedIPs.has(ip);
    });
    if (offset === null) {
      if (d.obj) diagnostics.push(diagnostic('KN4007', d.obj.source, `The service CIDR ${settings.serviceCIDR} has no free address left for ${s.key}.`, objKey(d)));
      continue;
    }
    const ip = (cidr.base + 1 + offset) >>> 0;
    usedIPs.set(ip, s.key);
    s.clusterIP = formatIPv4(ip);
  }

  // 3. nodePorts: reserve the given ones, then allocate (dynamic picks prefer the upper band, as since 1.29).
  const { min, max } = settings.nodePortRange;
  const usedPorts = new Map<number, string>();
  /** Reserves a node port the input gives (`what`: nodePort or healthCheckNodePort); false when the API server refuses it. */
  const reserve = (d: Draft, port: number, what: string, path: Array<string | number>, sharedWithinService: boolean): boolean => {
    const where = at(d, path);
    const owner = usedPorts.get(port);
    if (port < min || port > max) {
      if (where) diagnostics.push(diagnostic('KN3008', where, `${what} ${port} is outside the node port range ${min}-${max}; pick a port in that range or remove ${what} to get one allocated.`, objKey(d)));
      return false;
    }
    if (owner !== undefined && !(sharedWithinService && owner === d.service.key)) {
      if (where) diagnostics.push(diagnostic('KN3009', where, `${what} ${port} is already allocated to Service ${owner}, so the API server refuses this one; pick another port or remove ${what} to get one allocated.`, objKey(d)));
      return false;
    }
    usedPorts.set(port, d.service.key);
    return true;
  };
  for (const d of drafts) {
    const s = d.service;
    const mine = new Set<string>();
    s.ports.forEach((p, i) => {
      if (p.nodePort === null) return;
      const path = ['spec', 'ports', d.portIndex[i], 'nodePort'];
      if (mine.has(`${p.nodePort}/${p.protocol}`)) {
        const where = at(d, path);
        if (where) diagnostics.push(diagnostic('KN3009', where, `nodePort ${p.nodePort}/${p.protocol} is used twice in this Service; give each port its own nodePort.`, objKey(d)));
        p.nodePort = null;
        return;
      }
      // The same number for TCP and UDP in one Service is one allocation.
      if (!reserve(d, p.nodePort, 'nodePort', path, true)) {
        p.nodePort = null;
        return;
      }
      mine.add(`${p.nodePort}/${p.protocol}`);
    });
    if (d.obj && s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local') {
      const hc = int(field(d.obj.value, 'spec', 'healthCheckNodePort'));
      if (hc !== undefined && hc !== 0 && reserve(d, hc, 'healthCheckNodePort', ['spec', 'healthCheckNodePort'], false)) s.healthCheckNodePort = hc;
    }
  }
  const size = max - min + 1;
  // The static band (portallocator calculateRangeOffset): none in a range of 16 ports or fewer.
  const band = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
  const allocatePort = (d: Draft, key: string): number | null => {
    const upper = probe(key, size - band, (o) => !usedPorts.has(min + band + o));
    const offset = upper !== null ? band + upper : probe(key, band, (o) => !usedPorts.has(min + o));
    if (offset === null) {
      if (d.obj) diagnostics.push(diagnostic('KN4007', d.obj.source, `The node port range ${min}-${max} has no free port left for ${d.service.key}.`, objKey(d)));
      return null;
    }
    usedPorts.set(min + offset, d.service.key);
    return min + offset;
  };
  for (const d of drafts) {
    const s = d.service;
    const wantsNodePorts = s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
    if (wantsNodePorts) {
      const byPortNumber = new Map<number, number>();
      for (const p of s.ports) if (p.nodePort !== null) byPortNumber.set(p.port, p.nodePort);
      for (const p of s.ports) {
        if (p.nodePort !== null) continue;
        const reuse = byPortNumber.get(p.port);
        p.nodePort = reuse ?? allocatePort(d, `${s.key}/${p.port}`);
        if (p.nodePort !== null) byPortNumber.set(p.port, p.nodePort);
      }
    }
    if (s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local' && s.healthCheckNodePort === null) {
      s.healthCheckNodePort = allocatePort(d, `${s.key}/healthCheckNodePort`);
    }
  }

  // 4. Load balancer addresses from the simulated cloud pool, unless status or spec.loadBalancerIP gives one.
  const pool = parseCIDR4(settings.loadBalancerPool);
  const usedLB = new Set<number>();
  for (const d of drafts) {
    if (d.service.type !== 'LoadBalancer') continue;
    if (d.service.loadBalancerIngress.length === 0 && d.obj) {
      const requested = str(field(d.obj.value, 'spec', 'loadBalancerIP'));
      if (requested && parseIPv4(requested) !== null) d.service.loadBalancerIngress = [requested];
    }
    for (const ip of d.service.loadBalancerIngress) {
      const n = parseIPv4(ip);
      if (n !== null) usedLB.add(n);
    }
  }
  for (const d of drafts) {
    const s = d.service;
    if (s.type !== 'LoadBalancer' || s.loadBalancerIngress.length > 0 || !pool) continue;
    const offset = probe(s.key, Math.max(0, pool.size - 2), (o) => !usedLB.has((pool.base + 1 + o) >>> 0));
    if (offset === null) continue; // the cloud ran out: the Service stays <pending>, as in a real cluster
    const ip = (pool.base + 1 + offset) >>> 0;
    usedLB.add(ip);
    s.loadBalancerIngress = [formatIPv4(ip)];
  }
  return drafts.map((d) => d.service);
}

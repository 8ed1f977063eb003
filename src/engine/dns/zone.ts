// What the cluster's DNS knows, indexed once per model: Services by name, the ready endpoints CoreDNS
// publishes (from EndpointSlices), reverse entries, and the servers that are cluster DNS.
import type { Cluster, CoreDnsConfig, EndpointPort, Protocol, Service } from '../types';
import { canonical, dashed } from './names';

/** kubeadm's Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; ttl 30 }`. */
export const KUBEADM_COREDNS: Omit<CoreDnsConfig, 'zones' | 'source'> = { ttl: 30, pods: 'insecure' };
/** TTL the simulated upstream gives its answers. */
export const UPSTREAM_TTL = 300;

export interface ReadyEndpoint {
  ip: string;
  /** The endpoint's hostname, or its dashed IP (CoreDNS endpointHostname). */
  hostname: string;
  /** The slice's ports; a slice without ports gives CoreDNS's sentinel port -1. */
  ports: Array<{ name: string | null; port: number; protocol: Protocol }>;
}

export interface Zone {
  cluster: Cluster;
  /** The cluster domain, canonical (`cluster.local`); null when the Corefile has no kubernetes plugin. */
  domain: string | null;
  reverse: boolean;
  ttl: number;
  pods: CoreDnsConfig['pods'];
  namespaces: Set<string>;
  /** `ns/name` lower-cased -> Service. */
  services: Map<string, Service>;
  /** Service key -> ready endpoints across its slices. */
  endpoints: Map<string, ReadyEndpoint[]>;
  /** IP -> PTR targets (absolute): a ClusterIP names its Service only; otherwise one per Service endpoint. */
  ptr: Map<string, string[]>;
  /** Addresses where CoreDNS answers: the kube-dns ClusterIP (and the settings' DNS IP) and the CoreDNS pods. */
  clusterDnsServers: Set<string>;
  podIPs: Map<string, Set<string>>;
}

const zones = new WeakMap<Cluster, Zone>();

function sentinelPorts(ports: EndpointPort[]): ReadyEndpoint['ports'] {
  return ports.length > 0 ? ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })) : [{ name: null, port: -1, protocol: 'TCP' }];
}

function build(cluster: Cluster): Zone {
  const config = cluster.settings.coreDns;
  const configured = config?.zones.map(canonical) ?? [];
  const domain = config ? (configured.some((z) => !z.endsWith('.arpa')) ? canonical(cluster.settings.clusterDomain) : null) : canonical(cluster.settings.clusterDomain);
  const z: Zone = {
    cluster,
    domain,
    reverse: config ? configured.includes('in-addr.arpa') : true,
    ttl: config?.ttl ?? KUBEADM_COREDNS.ttl,
    pods: config?.pods ?? KUBEADM_COREDNS.pods,
    namespaces: new Set(cluster.namespaces.map((n) => n.name.toLowerCase())),
    services: new Map(),
    endpoints: new Map(),
    ptr: new Map(),
    clusterDnsServers: new Set([cluster.settings.dnsServiceIP]),
    podIPs: new Map(),
  };
  for (const s of cluster.services) {
    z.services.set(`${s.namespace}/${s.name}`.toLowerCase(), s);
    if (s.namespace === 'kube-system' && s.name === 'kube-dns' && s.clusterIP && s.clusterIP !== 'None') z.clusterDnsServers.add(s.clusterIP);
  }
  for (const slice of cluster.endpointSlices) {
    if (slice.addressType !== 'IPv4') continue;
    let list = z.endpoints.get(slice.service);
    if (!list) z.endpoints.set(slice.service, (list = []));
    for (const e of slice.endpoints) {
      // CoreDNS keeps endpoints whose ready condition is true (publishNotReadyAddresses already made them ready).
      if (!e.conditions.ready) continue;
      for (const ip of e.addresses) list.push({ ip, hostname: e.hostname ?? dashed(ip), ports: sentinelPorts(slice.ports) });
    }
  }
  const domainText = cluster.settings.clusterDomain.replace(/\.$/, '');
  // A ClusterIP names its (first) Service alone; only other addresses look at endpoints (CoreDNS serviceRecordForIP).
  for (const s of cluster.services) {
    if (s.clusterIP && s.clusterIP !== 'None' && !z.ptr.has(s.clusterIP)) z.ptr.set(s.clusterIP, [`${s.name}.${s.namespace}.svc.${domainText}.`]);
  }
  const clusterIPs = new Set(z.ptr.keys());
  for (const s of cluster.services) {
    for (const e of z.endpoints.get(s.key) ?? []) {
      if (clusterIPs.has(e.ip)) continue;
      const names = z.ptr.get(e.ip) ?? [];
      const name = `${e.hostname}.${s.name}.${s.namespace}.svc.${domainText}.`;
      if (!names.includes(name)) names.push(name);
      z.ptr.set(e.ip, names);
    }
  }
  for (const p of cluster.pods) {
    if (p.podIP) {
      let set = z.podIPs.get(p.podIP);
      if (!set) z.podIPs.set(p.podIP, (set = new Set()));
      set.add(p.namespace.toLowerCase());
    }
    if (p.namespace === 'kube-system' && p.labels['k8s-app'] === 'kube-dns' && p.podIP && !p.hostNetwork) z.clusterDnsServers.add(p.podIP);
  }
  return z;
}

/** The index for this model, built once (the model is never mutated after simulate). */
export function zoneOf(cluster: Cluster): Zone {
  let z = zones.get(cluster);
  if (!z) zones.set(cluster, (z = build(cluster)));
  return z;
}

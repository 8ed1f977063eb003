// Who owns an address: the maps a trace needs, built once per model (cached by the Cluster object,
// which never changes after simulate()).
import type { Cluster, EndpointSlice, Node, Pod, Service } from '../types';

export interface ClusterIndex {
  podsByIP: Map<string, Pod>;
  podsByKey: Map<string, Pod>;
  nodesByName: Map<string, Node>;
  nodesByIP: Map<string, Node>;
  servicesByKey: Map<string, Service>;
  slicesByService: Map<string, EndpointSlice[]>;
  byClusterIP: Map<string, Service>;
  byLoadBalancerIP: Map<string, Service[]>;
  byExternalIP: Map<string, Service[]>;
  /** Upstream (outside the cluster) address -> host name. */
  upstreamByIP: Map<string, string>;
}

const cache = new WeakMap<Cluster, ClusterIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function clusterIndex(cluster: Cluster): ClusterIndex {
  const cached = cache.get(cluster);
  if (cached) return cached;
  const index: ClusterIndex = {
    podsByIP: new Map(), podsByKey: new Map(), nodesByName: new Map(), nodesByIP: new Map(), servicesByKey: new Map(),
    slicesByService: new Map(), byClusterIP: new Map(), byLoadBalancerIP: new Map(), byExternalIP: new Map(), upstreamByIP: new Map(),
  };
  for (const n of cluster.nodes) {
    index.nodesByName.set(n.name, n);
    index.nodesByIP.set(n.internalIP, n);
  }
  for (const p of cluster.pods) {
    index.podsByKey.set(p.key, p);
    if (p.podIP && !p.hostNetwork && !index.podsByIP.has(p.podIP)) index.podsByIP.set(p.podIP, p);
  }
  for (const s of cluster.services) {
    index.servicesByKey.set(s.key, s);
    if (s.clusterIP && !s.headless) index.byClusterIP.set(s.clusterIP, s);
    for (const ip of s.loadBalancerIngress) push(index.byLoadBalancerIP, ip, s);
    for (const ip of s.externalIPs) push(index.byExternalIP, ip, s);
  }
  for (const sl of cluster.endpointSlices) push(index.slicesByService, sl.service, sl);
  for (const [host, ip] of Object.entries(cluster.settings.upstreamHosts)) if (!index.upstreamByIP.has(ip)) index.upstreamByIP.set(ip, host);
  cache.set(cluster, index);
  return index;
}

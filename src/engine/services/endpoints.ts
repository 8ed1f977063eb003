// The endpoints kube-proxy programs for one Service port, and which of them a connection may use
// (k/k pkg/proxy/topology.go CategorizeEndpoints: ready ones; when none, serving-and-terminating ones).
import type { EndpointConditions, Service, ServicePort } from '../types';
import type { ClusterIndex } from './lookup';

export interface Backend {
  /** `ns/pod` (the endpoint's targetRef), or its address when it names no pod. */
  pod: string;
  ip: string;
  /** The pod's port for this Service port (a named targetPort resolved for this pod). */
  port: number;
  nodeName: string | null;
  conditions: EndpointConditions;
}

export interface ServiceBackends {
  /** Endpoints published with this Service port. */
  listed: Backend[];
  /** Pods the slices list without this port (a named targetPort the pod does not declare). */
  withoutPort: string[];
}

export function serviceBackends(index: ClusterIndex, service: Service, sp: ServicePort): ServiceBackends {
  const listed: Backend[] = [];
  const withoutPort: string[] = [];
  const seen = new Set<string>();
  for (const slice of index.slicesByService.get(service.key) ?? []) {
    if (slice.addressType !== 'IPv4') continue;
    // kube-proxy matches a slice's port to the Service port by name (and protocol).
    const port = slice.ports.find((p) => p.name === sp.name && p.protocol === sp.protocol);
    for (const e of slice.endpoints) {
      const ip = e.addresses[0];
      if (!ip) continue;
      const pod = e.targetRef ?? ip;
      if (!port) {
        withoutPort.push(pod);
        continue;
      }
      if (seen.has(`${ip}:${port.port}`)) continue;
      seen.add(`${ip}:${port.port}`);
      listed.push({ pod, ip, port: port.port, nodeName: e.nodeName, conditions: e.conditions });
    }
  }
  return { listed, withoutPort };
}

export interface Usable {
  backends: Backend[];
  /** True when no endpoint was ready and kube-proxy fell back to serving, terminating ones. */
  terminatingFallback: boolean;
}

/** Ready endpoints; if none, the serving-and-terminating ones. `onNode` restricts to one node first (Local policies). */
export function usableBackends(listed: Backend[], onNode?: string): Usable {
  const scope = onNode === undefined ? listed : listed.filter((b) => b.nodeName === onNode);
  const ready = scope.filter((b) => b.conditions.ready);
  if (ready.length > 0) return { backends: ready, terminatingFallback: false };
  const fallback = scope.filter((b) => b.conditions.serving && b.conditions.terminating);
  return { backends: fallback, terminatingFallback: fallback.length > 0 };
}

/** The Service's load balancer source ranges: the field, else the annotation (comma-separated). */
export function sourceRanges(service: Service): { ranges: string[]; fromAnnotation: boolean } {
  if (service.loadBalancerSourceRanges.length > 0) return { ranges: service.loadBalancerSourceRanges, fromAnnotation: false };
  const annotation = service.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'];
  const ranges = (annotation ?? '').split(',').map((r) => r.trim()).filter((r) => r !== '');
  return { ranges, fromAnnotation: ranges.length > 0 };
}

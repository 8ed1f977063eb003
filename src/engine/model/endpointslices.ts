// The EndpointSlice controller (k/k staging/src/k8s.io/endpointslice): one set of slices per
// distinct per-pod port mapping, at most maxEndpointsPerSlice endpoints each.
import type { Endpoint, EndpointPort, EndpointSlice, Node, Pod, Service } from '../types';
import type { ParsedObject } from '../parse/parse';
import { field, isRecord, list, str, int } from '../parse/read';
import { safeSuffix } from './hash';
import { selectPods, type LabelIndex } from './labels';
import { containerPorts, readProtocol } from './pods';
import { ZONE_LABEL } from './nodes';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

/** The port a pod serves for a Service port, or null when a named targetPort finds no match (name AND protocol). */
export function resolveTargetPort(pod: Pod, targetPort: number | string, protocol: string): number | null {
  if (typeof targetPort === 'number') return targetPort;
  return containerPorts(pod).find((p) => p.name === targetPort && p.protocol === protocol)?.containerPort ?? null;
}

function toEndpoint(pod: Pod, service: Service, nodes: Map<string, Node>): Endpoint {
  const serving = pod.ready;
  const terminating = pod.terminating;
  const node = pod.nodeName ? nodes.get(pod.nodeName) : undefined;
  return {
    addresses: [pod.podIP as string],
    targetRef: pod.key,
    nodeName: pod.nodeName,
    zone: node?.labels[ZONE_LABEL] ?? null,
    hostname: pod.hostname !== null && pod.subdomain === service.name ? pod.hostname : null,
    conditions: { ready: service.publishNotReadyAddresses || (serving && !terminating), serving, terminating },
  };
}

export function controllerSlices(service: Service, index: LabelIndex, nodes: Map<string, Node>, maxPerSlice: number): EndpointSlice[] {
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
  const pods = selectPods(index, service.namespace, service.selector ?? {})
    .filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed' && p.podIP !== null)
    .filter((p) => service.publishNotReadyAddresses || (p.nodeName !== null && nodes.has(p.nodeName)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const pod of pods) {
    const ports: EndpointPort[] = [];
    for (const sp of service.ports) {
      const port = resolveTargetPort(pod, sp.targetPort, sp.protocol);
      if (port !== null) ports.push({ name: sp.name, port, protocol: sp.protocol });
    }
    const signature = JSON.stringify(ports);
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { ports, endpoints: [] }));
    group.endpoints.push(toEndpoint(pod, service, nodes));
  }
  const base = service.name.slice(0, 57);
  const make = (ports: EndpointPort[], endpoints: Endpoint[], salt: string): EndpointSlice => ({
    name: `${base}-${safeSuffix(`${service.key}#${salt}`)}`,
    namespace: service.namespace,
    service: service.key,
    addressType: 'IPv4',
    ports,
    endpoints,
    fromInput: false,
    source: null,
  });
  if (groups.size === 0) return [make([], [], 'placeholder')];
  const slices: EndpointSlice[] = [];
  for (const [signature, group] of groups) {
    for (let i = 0; i < group.endpoints.length; i += maxPerSlice) {
      slices.push(make(group.ports, group.endpoints.slice(i, i + maxPerSlice), `${signature}#${i / maxPerSlice}`));
    }
  }
  return slices;
}

/** An EndpointSlice object from the input, kept as given. Null when it names no Service. */
export function inputSlice(o: ParsedObject): (EndpointSlice & { managedByController: boolean }) | null {
  const namespace = o.namespace ?? 'default';
  const labels = field(o.value, 'metadata', 'labels');
  const serviceName = str(field(labels, SERVICE_NAME_LABEL));
  const endpoints: Endpoint[] = [];
  for (const e of list(field(o.value, 'endpoints'))) {
    if (!isRecord(e)) continue;
    const addresses = list(e.addresses).filter((a): a is string => typeof a === 'string');
    const ref = e.targetRef;
    const ready = field(e, 'conditions', 'ready');
    const serving = field(e, 'conditions', 'serving');
    const readyValue = typeof ready === 'boolean' ? ready : true;
    endpoints.push({
      addresses,
      targetRef: isRecord(ref) && typeof ref.name === 'string' ? `${str(ref.namespace) ?? namespace}/${ref.name}` : null,
      nodeName: str(e.nodeName) ?? null,
      zone: str(e.zone) ?? null,
      hostname: str(e.hostname) ?? null,
      conditions: {
        ready: readyValue,
        serving: typeof serving === 'boolean' ? serving : readyValue,
        terminating: field(e, 'conditions', 'terminating') === true,
      },
    });
  }
  const ports: EndpointPort[] = [];
  for (const p of list(field(o.value, 'ports'))) {
    const port = int(field(p, 'port'));
    if (port === undefined) continue;
    ports.push({ name: str(field(p, 'name')) || null, port, protocol: readProtocol(field(p, 'protocol')) });
  }
  return {
    name: o.name,
    namespace,
    service: serviceName ? `${namespace}/${serviceName}` : '',
    addressType: field(o.value, 'addressType') === 'IPv6' ? 'IPv6' : 'IPv4',
    ports,
    endpoints,
    fromInput: true,
    source: o.source,
    managedByController: str(field(labels, MANAGED_BY_LABEL)) === 'endpointslice-controller.k8s.io',
  };
}

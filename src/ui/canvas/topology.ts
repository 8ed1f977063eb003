// The canvas topology as plain data, derived from the engine's model. Pure: no React, no layout.
import type { Cluster, Diagnostic, NetworkPolicy, Pod, Service, SourceRange } from '../../engine';
import { selectorMatches } from '../../engine/validate/selectors';

export type ElementKind = 'client' | 'loadBalancer' | 'node' | 'service' | 'podGroup' | 'pod';

export interface ClientData {
  kind: 'client';
  label: string;
  /** False when no LoadBalancer or NodePort Service lets it in. */
  exposed: boolean;
}

export interface LoadBalancerData {
  kind: 'loadBalancer';
  service: string;
  /** `203.0.113.10:80/TCP`, one per address and port; empty while pending. */
  addresses: string[];
}

export interface NodePortListing {
  port: number;
  protocol: string;
  service: string;
}

export interface NodeData {
  kind: 'node';
  name: string;
  internalIP: string;
  ready: boolean;
  nodePorts: NodePortListing[];
}

export interface ServiceData {
  kind: 'service';
  key: string;
  name: string;
  namespace: string;
  type: Service['type'];
  headless: boolean;
  clusterIP: string | null;
  externalName: string | null;
  /** `10.96.0.12:80 → 8080` (headless: `:5432 → postgres`; the protocol when not TCP). */
  ports: string[];
  readyEndpoints: number;
  totalEndpoints: number;
  /** A selector Service that reaches no ready pod. */
  noEndpoints: boolean;
  /** Why it has no endpoints, in words. */
  reason: string | null;
}

export interface PodGroupData {
  kind: 'podGroup';
  /** null: pods not scheduled to any node. */
  nodeName: string | null;
  podCount: number;
}

/** The NetworkPolicies that select a pod, per direction: a selected pod is isolated that way. */
export interface PodIsolation {
  ingress: string[];
  egress: string[];
  /** False when the network plugin ignores NetworkPolicy (the policies are there, without effect). */
  enforced: boolean;
}

export interface PodData {
  kind: 'pod';
  key: string;
  name: string;
  namespace: string;
  podIP: string | null;
  ready: boolean;
  phase: string;
  isolation: PodIsolation;
}

export type ElementData = ClientData | LoadBalancerData | NodeData | ServiceData | PodGroupData | PodData;

export interface TopologyElement {
  /** Also the element's data-testid. */
  id: string;
  /** Pods sit inside their node's group frame. */
  parentId: string | null;
  data: ElementData;
  source: SourceRange | null;
}

export type EdgeKind = 'client-lb' | 'client-node' | 'lb-node' | 'node-service' | 'service-pod' | 'policy-flow';

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** service-pod: false when the endpoint is not ready (drawn dashed). */
  ready: boolean;
  /** policy-flow: only some pods of the source group may reach some of the destination group. */
  partial?: boolean;
}

export interface NamespaceLegendEntry {
  name: string;
  colour: string;
}

export interface Topology {
  elements: TopologyElement[];
  edges: TopologyEdge[];
  namespaces: NamespaceLegendEntry[];
  hiddenBuiltins: number;
}

export interface TopologyOptions {
  showBuiltin: boolean;
}

/** Colour-blind-friendly hues (Okabe-Ito, darkened for text on white). */
const NAMESPACE_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#6a3d9a', '#b15928'];

export const CLIENT_ID = 'client';
export const serviceId = (key: string) => `service-${key}`;
export const loadBalancerId = (key: string) => `lb-${key}`;
export const podId = (key: string) => `pod-${key}`;
export const nodeId = (name: string) => `node-${name}`;
export const podGroupId = (nodeName: string | null) => (nodeName === null ? 'group-unscheduled' : `group-${nodeName}`);

function portLines(service: Service): string[] {
  if (service.type === 'ExternalName') return [`CNAME ${service.externalName ?? '?'}`];
  const ip = service.headless ? '' : (service.clusterIP ?? '');
  return service.ports.map((port) => {
    return `${ip}:${port.port} → ${port.targetPort}${port.protocol === 'TCP' ? '' : `/${port.protocol}`}`;
  });
}

function reasonFor(service: Service, ready: number, total: number, diagnostics: Diagnostic[]): string | null {
  const key = `Service/${service.namespace}/${service.name}`;
  const diagnostic =
    diagnostics.find((d) => d.object === key && d.severity !== 'info') ?? diagnostics.find((d) => d.object === key);
  if (total > 0 && ready === 0) return `0 of ${total} pods ready${diagnostic ? `: ${diagnostic.message}` : ''}`;
  if (diagnostic) return diagnostic.message;
  return 'The selector matches no pod.';
}

/**
 * Which policies select each pod, per direction (the API's isolation rule: a policy of the pod's own
 * namespace whose podSelector matches it; hostNetwork pods are never selected). The verdicts
 * themselves come from the engine in the worker; this only marks the pods.
 */
export function isolationOf(cluster: Cluster): (pod: Pod) => PodIsolation {
  const byNamespace = new Map<string, NetworkPolicy[]>();
  for (const policy of cluster.networkPolicies) {
    const list = byNamespace.get(policy.namespace);
    if (list) list.push(policy);
    else byNamespace.set(policy.namespace, [policy]);
  }
  // calico and cilium enforce NetworkPolicy; flannel does not (engine types, NetworkPlugin).
  const enforced = cluster.settings.networkPlugin !== 'flannel';
  return (pod) => {
    const isolation: PodIsolation = { ingress: [], egress: [], enforced };
    if (pod.hostNetwork) return isolation;
    for (const policy of byNamespace.get(pod.namespace) ?? []) {
      if (!selectorMatches(policy.podSelector, pod.labels)) continue;
      if (policy.policyTypes.includes('Ingress')) isolation.ingress.push(policy.key);
      if (policy.policyTypes.includes('Egress')) isolation.egress.push(policy.key);
    }
    return isolation;
  };
}

export function deriveTopology(cluster: Cluster, diagnostics: Diagnostic[], options: TopologyOptions): Topology {
  const elements: TopologyElement[] = [];
  const edges: TopologyEdge[] = [];
  const services = cluster.services.filter((s) => options.showBuiltin || !s.builtin);
  const pods = cluster.pods.filter((p) => options.showBuiltin || !p.builtin);
  const hiddenBuiltins = cluster.services.length - services.length + (cluster.pods.length - pods.length);

  const namespaceNames = [...new Set([...pods.map((p) => p.namespace), ...services.map((s) => s.namespace)])].sort();
  const namespaces = namespaceNames.map((name, index) => ({ name, colour: NAMESPACE_COLOURS[index % NAMESPACE_COLOURS.length] }));

  const loadBalancers = services.filter((s) => s.type === 'LoadBalancer');
  const nodePortServices = services.filter((s) => s.type !== 'ExternalName' && s.ports.some((p) => p.nodePort !== null));
  const exposed = loadBalancers.length > 0 || nodePortServices.length > 0;
  elements.push({ id: CLIENT_ID, parentId: null, data: { kind: 'client', label: 'External client', exposed }, source: null });

  for (const service of loadBalancers) {
    const addresses = service.loadBalancerIngress.flatMap((ip) => service.ports.map((p) => `${ip}:${p.port}/${p.protocol}`));
    elements.push({
      id: loadBalancerId(service.key),
      parentId: null,
      data: { kind: 'loadBalancer', service: service.key, addresses },
      source: service.source,
    });
    edges.push({ id: `e-client-lb-${service.key}`, source: CLIENT_ID, target: loadBalancerId(service.key), kind: 'client-lb', ready: true });
  }

  const nodePorts: NodePortListing[] = nodePortServices.flatMap((s) =>
    s.ports.filter((p) => p.nodePort !== null).map((p) => ({ port: p.nodePort as number, protocol: p.protocol, service: s.key })),
  );
  nodePorts.sort((a, b) => a.port - b.port);
  for (const node of cluster.nodes) {
    elements.push({
      id: nodeId(node.name),
      parentId: null,
      data: { kind: 'node', name: node.name, internalIP: node.internalIP, ready: node.ready, nodePorts },
      source: node.source,
    });
    for (const service of loadBalancers) {
      edges.push({ id: `e-lb-${service.key}-${node.name}`, source: loadBalancerId(service.key), target: nodeId(node.name), kind: 'lb-node', ready: true });
    }
    if (loadBalancers.length === 0 && nodePorts.length > 0) {
      edges.push({ id: `e-client-node-${node.name}`, source: CLIENT_ID, target: nodeId(node.name), kind: 'client-node', ready: true });
    }
    for (const service of nodePortServices) {
      edges.push({ id: `e-node-${node.name}-${service.key}`, source: nodeId(node.name), target: serviceId(service.key), kind: 'node-service', ready: true });
    }
  }

  const shownPods = new Set(pods.map((p) => p.key));
  for (const service of services) {
    const endpoints = cluster.endpointSlices
      .filter((slice) => slice.service === service.key)
      .flatMap((slice) => slice.endpoints);
    const ready = endpoints.filter((e) => e.conditions.ready).length;
    const selectsPods = service.selector !== null && service.type !== 'ExternalName';
    const noEndpoints = selectsPods && ready === 0;
    elements.push({
      id: serviceId(service.key),
      parentId: null,
      data: {
        kind: 'service',
        key: service.key,
        name: service.name,
        namespace: service.namespace,
        type: service.type,
        headless: service.headless,
        clusterIP: service.clusterIP,
        externalName: service.externalName,
        ports: portLines(service),
        readyEndpoints: ready,
        totalEndpoints: endpoints.length,
        noEndpoints,
        reason: noEndpoints ? reasonFor(service, ready, endpoints.length, diagnostics) : null,
      },
      source: service.source,
    });
    const seen = new Set<string>();
    for (const endpoint of endpoints) {
      const target = endpoint.targetRef;
      if (!target || !shownPods.has(target) || seen.has(target)) continue;
      seen.add(target);
      edges.push({
        id: `e-svc-${service.key}-${target}`,
        source: serviceId(service.key),
        target: podId(target),
        kind: 'service-pod',
        ready: endpoint.conditions.ready,
      });
    }
  }

  const isolation = isolationOf(cluster);
  const groups = new Map<string | null, typeof pods>();
  for (const node of cluster.nodes) groups.set(node.name, []);
  for (const pod of pods) {
    const group = pod.nodeName !== null && groups.has(pod.nodeName) ? pod.nodeName : null;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(pod);
  }
  for (const [nodeName, members] of groups) {
    if (members.length === 0) continue;
    const groupId = podGroupId(nodeName);
    elements.push({ id: groupId, parentId: null, data: { kind: 'podGroup', nodeName, podCount: members.length }, source: null });
    members.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
    for (const pod of members) {
      elements.push({
        id: podId(pod.key),
        parentId: groupId,
        data: {
          kind: 'pod',
          key: pod.key,
          name: pod.name,
          namespace: pod.namespace,
          podIP: pod.podIP,
          ready: pod.ready,
          phase: pod.phase,
          isolation: isolation(pod),
        },
        source: pod.source,
      });
    }
  }

  return { elements, edges, namespaces, hiddenBuiltins };
}

/** Canvas elements whose YAML contains `line` (pods made by a workload point at the workload). */
export function elementsAtLine(topology: Topology, line: number): string[] {
  return topology.elements
    .filter((e) => e.source !== null && e.source.line <= line && line <= e.source.endLine)
    .map((e) => e.id);
}

/** How many elements of each kind, per parent frame: what decides whether the view needs re-fitting. */
export function shapeOf(topology: Topology): string {
  const counts = new Map<string, number>();
  for (const e of topology.elements) {
    const key = `${e.data.kind}@${e.parentId ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key}=${n}`).sort().join('|');
}

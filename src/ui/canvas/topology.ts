// The canvas topology as plain data, derived from the engine's model. Pure: no React, no layout.
import type { Cluster, Diagnostic, Endpoint, NetworkPolicy, Pod, Service, SourceRange } from '../../engine';
import { selectorMatches } from '../../engine/validate/selectors';

export type ElementKind = 'client' | 'loadBalancer' | 'node' | 'service' | 'podGroup' | 'pod' | 'podAggregate';

/**
 * Above this many drawn pods, pods are drawn grouped (one card per node, namespace and workload):
 * React Flow's work grows with every card, and at 500 cards one redraw already blocks the page for
 * about half a second (scripts/bench-canvas.ts).
 */
export const POD_CARD_LIMIT = 300;

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
  /** The cards inside the frame: one per pod, or one per group of pods when they are grouped. */
  cardCount: number;
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

/** Many pods of one node drawn as one card: those of one workload, or standalone pods (by the Service that selects them). */
export interface PodAggregateData {
  kind: 'podAggregate';
  /** `<ns>/<Kind>/<name>` (`shop/Deployment/web`; `shop/Service/web` for standalone pods it selects), `<ns>/Pod` for other standalone pods, or `<ns>` when grouped by namespace only. */
  key: string;
  namespace: string;
  /** What the pods have in common, in words: `web`, `pods selected by Service web`, `standalone pods`, `all pods`. */
  label: string;
  /** `Deployment`, `StatefulSet`, ... or null when no one workload made them. */
  ownerKind: string | null;
  nodeName: string | null;
  podCount: number;
  readyCount: number;
  /** The pods' keys (`ns/name`), sorted. */
  pods: string[];
  /** The policies that isolate any of the pods, per direction. */
  isolation: PodIsolation;
  /** How many of the pods are isolated, per direction and either way. */
  isolatedPods: { ingress: number; egress: number; either: number };
  /** Every distinct YAML range the pods come from (one for a workload). */
  sources: SourceRange[];
}

export type ElementData = ClientData | LoadBalancerData | NodeData | ServiceData | PodGroupData | PodData | PodAggregateData;

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
  /** Set when pods are drawn grouped: how many pods are drawn that way. */
  groupedPods: number | null;
  /** Pod canvas id (`pod-ns/name`) → the id of the grouped card that stands for it; empty when pods are drawn one by one. */
  podAliases: Map<string, string>;
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
/** `pods-node-1-shop/Deployment/web`: the grouped card of `shop/Deployment/web`'s pods on node-1. */
export const podAggregateId = (nodeName: string | null, key: string) => `pods-${nodeName ?? 'unscheduled'}-${key}`;

/** The canvas element that stands for `id`: a pod drawn grouped is its group's card. */
export function onCanvas(topology: Topology, id: string): string;
export function onCanvas(topology: Topology, id: string | null): string | null;
export function onCanvas(topology: Topology, id: string | null): string | null {
  return id === null ? null : (topology.podAliases.get(id) ?? id);
}

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
  // Pods of one workload share their labels: each policy's selector is matched once per label set,
  // not once per pod (thousands of pods times hundreds of policies).
  const byLabels = new Map<string, PodIsolation>();
  return (pod) => {
    const policies = byNamespace.get(pod.namespace);
    if (pod.hostNetwork || !policies) return { ingress: [], egress: [], enforced };
    const key = `${pod.namespace}\n${JSON.stringify(pod.labels)}`;
    let isolation = byLabels.get(key);
    if (isolation) return isolation;
    isolation = { ingress: [], egress: [], enforced };
    for (const policy of policies) {
      if (!selectorMatches(policy.podSelector, pod.labels)) continue;
      if (policy.policyTypes.includes('Ingress')) isolation.ingress.push(policy.key);
      if (policy.policyTypes.includes('Egress')) isolation.egress.push(policy.key);
    }
    byLabels.set(key, isolation);
    return isolation;
  };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pods per node frame (null: not scheduled to a known node), each frame sorted by namespace and name
 * (`fast`: by code point, when thousands of pods are grouped and only the cards' order shows).
 */
function podsByNode(cluster: Cluster, pods: Pod[], fast: boolean): Map<string | null, Pod[]> {
  const groups = new Map<string | null, Pod[]>();
  for (const node of cluster.nodes) groups.set(node.name, []);
  for (const pod of pods) {
    const group = pod.nodeName !== null && groups.has(pod.nodeName) ? pod.nodeName : null;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(pod);
  }
  const compare = fast ? byCodePoint : (a: string, b: string) => a.localeCompare(b);
  for (const members of groups.values()) members.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
  return groups;
}

interface CardGroup {
  key: string;
  label: string;
  ownerKind: string | null;
}

/** What a pod is grouped with: its workload; a standalone pod, the first Service (by key) that selects it. */
function cardGroupOf(pod: Pod, selectedBy: Map<string, string>): CardGroup {
  if (pod.owner) return { key: `${pod.namespace}/${pod.owner.kind}/${pod.owner.name}`, label: pod.owner.name, ownerKind: pod.owner.kind };
  const service = selectedBy.get(pod.key);
  if (service) {
    const name = service.slice(service.indexOf('/') + 1);
    return { key: `${pod.namespace}/Service/${name}`, label: `pods of Service ${name}`, ownerKind: null };
  }
  return { key: `${pod.namespace}/Pod`, label: 'standalone pods', ownerKind: null };
}

const namespaceGroupOf = (pod: Pod): CardGroup => ({ key: pod.namespace, label: `all pods in ${pod.namespace}`, ownerKind: null });

function addNew<T>(list: T[], seen: Set<string>, items: T[], keyOf: (item: T) => string): void {
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(item);
  }
}

/**
 * The grouped cards per frame id: one per node, namespace and workload; when even those would be
 * more than POD_CARD_LIMIT cards (thousands of small workloads), one per node and namespace.
 */
function aggregateCards(
  groups: Map<string | null, Pod[]>,
  services: Service[],
  endpointsOf: Map<string, Endpoint[]>,
  isolation: (pod: Pod) => PodIsolation,
): Map<string, TopologyElement[]> {
  const selectedBy = new Map<string, string>();
  for (const service of [...services].sort((a, b) => a.key.localeCompare(b.key))) {
    for (const endpoint of endpointsOf.get(service.key) ?? []) {
      if (endpoint.targetRef && !selectedBy.has(endpoint.targetRef)) selectedBy.set(endpoint.targetRef, service.key);
    }
  }
  let groupOf = (pod: Pod) => cardGroupOf(pod, selectedBy);
  const count = new Set<string>();
  for (const [nodeName, members] of groups) for (const pod of members) count.add(`${nodeName}|${groupOf(pod).key}`);
  if (count.size > POD_CARD_LIMIT) groupOf = namespaceGroupOf;

  const result = new Map<string, TopologyElement[]>();
  const seenOf = new Map<TopologyElement, { ingress: Set<string>; egress: Set<string>; sources: Set<string> }>();
  for (const [nodeName, members] of groups) {
    const cards = new Map<string, TopologyElement & { data: PodAggregateData }>();
    for (const pod of members) {
      const group = groupOf(pod);
      let card = cards.get(group.key);
      if (!card) {
        const data: PodAggregateData = {
          kind: 'podAggregate', key: group.key, namespace: pod.namespace, label: group.label, ownerKind: group.ownerKind, nodeName,
          podCount: 0, readyCount: 0, pods: [], isolation: { ingress: [], egress: [], enforced: true }, isolatedPods: { ingress: 0, egress: 0, either: 0 }, sources: [],
        };
        cards.set(group.key, (card = { id: podAggregateId(nodeName, group.key), parentId: podGroupId(nodeName), data, source: pod.source }));
      }
      const data = card.data;
      data.podCount++;
      if (pod.ready) data.readyCount++;
      data.pods.push(pod.key);
      const marks = isolation(pod);
      data.isolation.enforced = marks.enforced;
      if (marks.ingress.length > 0) data.isolatedPods.ingress++;
      if (marks.egress.length > 0) data.isolatedPods.egress++;
      if (marks.ingress.length > 0 || marks.egress.length > 0) data.isolatedPods.either++;
      // Sets beside the lists: thousands of standalone pods in one card must not make this quadratic.
      const seen = seenOf.get(card) ?? { ingress: new Set<string>(), egress: new Set<string>(), sources: new Set<string>() };
      seenOf.set(card, seen);
      addNew(data.isolation.ingress, seen.ingress, marks.ingress, (key) => key);
      addNew(data.isolation.egress, seen.egress, marks.egress, (key) => key);
      if (pod.source) addNew(data.sources, seen.sources, [pod.source], (r) => `${r.line}:${r.endLine}`);
    }
    // A namespace's cards stay together, in the order of their names.
    const ordered = [...cards.values()].sort((a, b) => a.data.namespace.localeCompare(b.data.namespace) || a.data.label.localeCompare(b.data.label));
    if (ordered.length > 0) result.set(podGroupId(nodeName), ordered);
  }
  return result;
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

  // Endpoints per Service, indexed once: a Service per slice scan would make many Services quadratic.
  const endpointsOf = new Map<string, Endpoint[]>();
  for (const slice of cluster.endpointSlices) {
    const list = endpointsOf.get(slice.service);
    if (list) list.push(...slice.endpoints);
    else endpointsOf.set(slice.service, [...slice.endpoints]);
  }

  const groupedPods = pods.length > POD_CARD_LIMIT ? pods.length : null;
  const groups = podsByNode(cluster, pods, groupedPods !== null);
  const isolation = isolationOf(cluster);
  const cards = groupedPods === null ? null : aggregateCards(groups, services, endpointsOf, isolation);
  const podAliases = new Map<string, string>();
  for (const card of cards ? [...cards.values()].flat() : []) {
    if (card.data.kind === 'podAggregate') for (const key of card.data.pods) podAliases.set(podId(key), card.id);
  }

  const shownPods = new Set(pods.map((p) => p.key));
  for (const service of services) {
    const endpoints = endpointsOf.get(service.key) ?? [];
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
    // One edge per card: a grouped card's edge is drawn ready when any of its endpoints is.
    const edgeTo = new Map<string, TopologyEdge>();
    for (const endpoint of endpoints) {
      const target = endpoint.targetRef;
      if (!target || !shownPods.has(target)) continue;
      const card = podAliases.get(podId(target)) ?? podId(target);
      const edge = edgeTo.get(card);
      if (edge) edge.ready ||= endpoint.conditions.ready;
      else edgeTo.set(card, { id: `e-svc-${service.key}-${card.slice(card.indexOf('-') + 1)}`, source: serviceId(service.key), target: card, kind: 'service-pod', ready: endpoint.conditions.ready });
    }
    edges.push(...edgeTo.values());
  }

  for (const [nodeName, members] of groups) {
    if (members.length === 0) continue;
    const groupId = podGroupId(nodeName);
    const own = cards?.get(groupId) ?? (cards ? [] : undefined);
    elements.push({ id: groupId, parentId: null, data: { kind: 'podGroup', nodeName, podCount: members.length, cardCount: own?.length ?? members.length }, source: null });
    if (own) {
      elements.push(...own);
      continue;
    }
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

  return { elements, edges, namespaces, hiddenBuiltins, groupedPods, podAliases };
}

/** Canvas elements whose YAML contains `line` (pods made by a workload point at the workload). */
export function elementsAtLine(topology: Topology, line: number): string[] {
  const covers = (r: SourceRange | null) => r !== null && r.line <= line && line <= r.endLine;
  return topology.elements
    .filter((e) => covers(e.source) || (e.data.kind === 'podAggregate' && e.data.sources.some(covers)))
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

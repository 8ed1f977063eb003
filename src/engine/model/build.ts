// Parsed objects -> the Cluster model: namespaces, nodes, pods, services, endpoint slices.
import type { Cluster, ClusterSettings, Diagnostic, EndpointSlice, InputObject, Node, Workload } from '../types';
import { locate, type ParsedObject } from '../parse/parse';
import { MAX_PODS } from '../parse/limits';
import { field, isRecord, list, stringMap } from '../parse/read';
import { diagnostic } from '../diagnostics/make';
import { objectKey } from './keys';
import { buildNodes } from './nodes';
import { buildNamespaces } from './namespaces';
import { podFromObject, podsFromWorkload, WORKLOAD_KINDS, type PodPlan } from './pods';
import { schedule } from './schedule';
import { allocateServices, readService, type Draft } from './services';
import { coreDnsPlans, kubeDnsService, kubernetesService, kubernetesSlice } from './builtins';
import { controllerSlices, inputSlice } from './endpointslices';
import { indexPods, type LabelIndex } from './labels';
import { formatIPv4, parseCIDR4 } from './ip';
import { readNetworkPolicies } from '../policy/read';
import { checkNetworkPolicies } from '../policy/validate';
import { withKubeProxyConfig } from '../services/proxyConfig';
import { withCorefile } from '../dns/corefile';
import { fieldSources } from '../services/fieldLines';

/** ConfigMaps the engine reads: CoreDNS's Corefile (dns/corefile.ts) and kube-proxy's configuration (services/proxyConfig.ts). */
const READ_CONFIGMAPS = new Set(['ConfigMap/kube-system/coredns', 'ConfigMap/kube-system/kube-proxy']);
const SIMULATED = new Set(['Namespace', 'Node', 'Pod', 'Service', 'EndpointSlice', 'NetworkPolicy', ...WORKLOAD_KINDS]);
const LATER = new Set(['Ingress', 'IngressClass', 'Gateway', 'GatewayClass', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'ReferenceGrant', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

export interface BuildResult {
  cluster: Cluster;
  /** Objects after duplicates were dropped (first one wins), for validation. */
  unique: ParsedObject[];
  index: LabelIndex;
}

function unknownKindInfo(o: ParsedObject, key: string): Diagnostic {
  const where = locate(o, ['kind']);
  if (o.kind === 'Endpoints') return diagnostic('KN1004', where, `${key} is a legacy Endpoints object; kube-proxy and DNS read EndpointSlices, so it is kept but not simulated.`, key);
  if (LATER.has(o.kind)) return diagnostic('KN1005', where, `${key} is kept, but ${o.kind} is not simulated yet: it does not change any answer.`, key);
  return diagnostic('KN1004', where, `${key} is kept, but the simulator does not model ${o.kind} objects: it does not change any answer.`, key);
}

function tooManyPods(o: ParsedObject, workload: Workload, built: number): Diagnostic {
  return diagnostic('KN8003', locate(o, ['spec', 'replicas']),
    `${workload.key} asks for ${workload.replicas} pods, but the simulator builds at most ${MAX_PODS} pods in all, so only ${built} of them are simulated.`, workload.key);
}

export function buildCluster(parsed: ParsedObject[], settings: ClusterSettings, diagnostics: Diagnostic[]): BuildResult {
  const objects: InputObject[] = [];
  const seen = new Map<string, ParsedObject>();
  const unique: ParsedObject[] = [];
  for (const o of parsed) {
    const key = objectKey(o.kind, o.namespace, o.name);
    objects.push({ key, apiVersion: o.apiVersion, kind: o.kind, name: o.name, namespace: o.namespace, source: o.source });
    const first = seen.get(key);
    if (first) {
      diagnostics.push(diagnostic('KN2004', locate(o, ['metadata', 'name']), `${key} is defined twice (first at ${first.source.file}:${first.source.line}); rename one or delete the copy — the API server keeps only one.`, key));
      continue;
    }
    seen.set(key, o);
    unique.push(o);
    if (!SIMULATED.has(o.kind) && !READ_CONFIGMAPS.has(key)) diagnostics.push(unknownKindInfo(o, key));
  }
  const ofKind = (kind: string) => unique.filter((o) => o.kind === kind);
  settings = withKubeProxyConfig(ofKind('ConfigMap'), settings);
  settings = withCorefile(ofKind('ConfigMap'), settings);
  const nodes: Node[] = buildNodes(ofKind('Node'), settings);

  // Pods: CoreDNS first (it was there before anything was applied), then the input in document order.
  const inputPods = ofKind('Pod');
  const taken = new Set(inputPods.map((o) => `${o.namespace ?? 'default'}/${o.name}`));
  const hasKey = (key: string) => seen.has(key);
  const coreDnsGiven = hasKey('Deployment/kube-system/coredns') || inputPods.some((o) => o.namespace === 'kube-system' && stringMap(field(o.value, 'metadata', 'labels'))['k8s-app'] === 'kube-dns');
  const plans: PodPlan[] = coreDnsGiven ? [] : coreDnsPlans(taken);
  // A `kubectl get -o yaml` dump holds workloads and their pods: don't make pods twice.
  // Owner key (`Kind/ns/name`) -> the input pods it owns; a ReplicaSet's owner owns no pods directly.
  const owned = new Map<string, string[]>();
  for (const o of [...inputPods, ...ofKind('ReplicaSet')]) {
    const namespace = o.namespace ?? 'default';
    for (const r of list(field(o.value, 'metadata', 'ownerReferences'))) {
      if (!isRecord(r) || typeof r.kind !== 'string' || typeof r.name !== 'string') continue;
      const ownerKey = `${r.kind}/${namespace}/${r.name}`;
      let pods = owned.get(ownerKey);
      if (!pods) owned.set(ownerKey, (pods = []));
      const podKey = `${namespace}/${o.name}`;
      if (o.kind === 'Pod' && pods[pods.length - 1] !== podKey) pods.push(podKey);
    }
  }
  const workloads: Workload[] = [];
  for (const o of unique) {
    if (o.kind === 'Pod') plans.push(podFromObject(o));
    else if ((WORKLOAD_KINDS as readonly string[]).includes(o.kind)) {
      const { workload, plans: made } = podsFromWorkload(o, nodes, taken, Math.max(0, MAX_PODS - plans.length));
      const ownedPods = owned.get(workload.key);
      if (ownedPods) workload.pods = ownedPods;
      else {
        plans.push(...made);
        if (made.length < workload.replicas) diagnostics.push(tooManyPods(o, workload, made.length));
      }
      workloads.push(workload);
    }
  }
  const pods = schedule(plans, nodes, diagnostics);

  // Services: built-ins unless the input brings its own, then the input.
  const cidr = parseCIDR4(settings.serviceCIDR);
  const drafts: Draft[] = [];
  const builtinKubernetes = !hasKey('Service/default/kubernetes');
  if (builtinKubernetes && cidr) drafts.push(kubernetesService(formatIPv4((cidr.base + 1) >>> 0)));
  if (!hasKey('Service/kube-system/kube-dns')) drafts.push(kubeDnsService(settings));
  for (const o of ofKind('Service')) drafts.push(readService(o));
  const services = allocateServices(drafts, settings, diagnostics);

  // EndpointSlices: the input's as given; the controller's for selector Services it would manage.
  const index = indexPods(pods);
  const nodeMap = new Map(nodes.map((n) => [n.name, n]));
  const given = ofKind('EndpointSlice').map(inputSlice).filter((s): s is NonNullable<typeof s> => s !== null);
  const dumpManaged = new Set(given.filter((s) => s.managedByController).map((s) => s.service));
  const endpointSlices: EndpointSlice[] = [];
  if (builtinKubernetes && !given.some((s) => s.service === 'default/kubernetes')) endpointSlices.push(kubernetesSlice(nodes));
  for (const s of services) {
    if (s.selector === null || s.type === 'ExternalName' || dumpManaged.has(s.key)) continue;
    endpointSlices.push(...controllerSlices(s, index, nodeMap, settings.maxEndpointsPerSlice));
  }
  for (const g of given) {
    const { managedByController: _m, ...slice } = g;
    endpointSlices.push(slice);
  }

  const named = new Set<string>();
  for (const o of unique) if (o.namespace) named.add(o.namespace);
  for (const p of pods) named.add(p.namespace);
  const namespaces = buildNamespaces(ofKind('Namespace'), [...named].sort());
  const networkPolicies = readNetworkPolicies(ofKind('NetworkPolicy'));
  const cluster: Cluster = { settings, namespaces, nodes, pods, services, endpointSlices, workloads, networkPolicies, objects, fieldSources: fieldSources(unique) };
  diagnostics.push(...checkNetworkPolicies(ofKind('NetworkPolicy'), cluster));

  return {
    cluster,
    unique,
    index,
  };
}



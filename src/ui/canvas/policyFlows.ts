// "Show policy flows": the connections NetworkPolicy lets through on the matrix's port, drawn between
// workloads (one edge per pair of pod groups, between their first pods' cards). Only flows where a policy
// has a say are drawn: a pair whose source is not egress-isolated and whose destination is not
// ingress-isolated is open anyway, and drawing every such pair would bury the picture. Pure.
import type { Cluster, MatrixAnswer } from '../../engine';
import { type Topology, type TopologyEdge } from './topology';

interface PodGroup {
  key: string;
  /** The canvas id of the group's first pod drawn (its card, or the grouped card that holds it). */
  first: string;
  /** Indices into the matrix. */
  indices: number[];
  ingressIsolated: boolean;
  egressIsolated: boolean;
}

/** Pods made by one workload are one group; a bare Pod is its own. Grouped cards count for each of their pods. */
function groupsOf(cluster: Cluster, topology: Topology, matrix: MatrixAnswer): PodGroup[] {
  const index = new Map(matrix.pods.map((key, i) => [key, i]));
  const owners = new Map(cluster.pods.map((p) => [p.key, p.owner ? `${p.namespace}/${p.owner.kind}/${p.owner.name}` : p.key]));
  const groups = new Map<string, PodGroup>();
  const add = (pod: string, id: string, ingress: boolean, egress: boolean) => {
    const i = index.get(pod);
    if (i === undefined) return;
    const key = owners.get(pod) ?? pod;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, first: id, indices: [], ingressIsolated: false, egressIsolated: false }));
    group.indices.push(i);
    group.ingressIsolated ||= ingress;
    group.egressIsolated ||= egress;
  };
  for (const element of topology.elements) {
    const data = element.data;
    if (data.kind === 'pod') add(data.key, element.id, data.isolation.ingress.length > 0, data.isolation.egress.length > 0);
    if (data.kind === 'podAggregate') for (const pod of data.pods) add(pod, element.id, data.isolatedPods.ingress > 0, data.isolatedPods.egress > 0);
  }
  return [...groups.values()];
}

export function policyFlowEdges(cluster: Cluster, topology: Topology, matrix: MatrixAnswer): TopologyEdge[] {
  if (matrix.enforced === false) return [];
  const groups = groupsOf(cluster, topology, matrix);
  const edges: TopologyEdge[] = [];
  for (const from of groups) {
    for (const to of groups) {
      // Two workloads drawn in one card (pods grouped by namespace) get no arrow onto themselves.
      if (from === to || from.first === to.first || !(from.egressIsolated || to.ingressIsolated)) continue;
      let allowed = 0;
      for (const s of from.indices) for (const d of to.indices) if (matrix.allowed[s][d]) allowed++;
      if (allowed === 0) continue;
      edges.push({
        id: `policy-flow-${from.key}>${to.key}`,
        source: from.first,
        target: to.first,
        kind: 'policy-flow',
        ready: true,
        partial: allowed < from.indices.length * to.indices.length,
      });
    }
  }
  return edges;
}


// "Show policy flows": the connections NetworkPolicy lets through on the matrix's port, drawn between
// workloads (one edge per pair of pod groups, between their first pods). Only flows where a policy
// has a say are drawn: a pair whose source is not egress-isolated and whose destination is not
// ingress-isolated is open anyway, and drawing every such pair would bury the picture. Pure.
import type { Cluster, MatrixAnswer } from '../../engine';
import { type PodData, type Topology, type TopologyEdge } from './topology';

interface PodGroup {
  key: string;
  /** Canvas ids of the group's pods that the topology shows, in canvas order. */
  ids: string[];
  /** Indices into the matrix. */
  indices: number[];
  ingressIsolated: boolean;
  egressIsolated: boolean;
}

/** Pods made by one workload are one group; a bare Pod is its own. */
function groupsOf(cluster: Cluster, topology: Topology, matrix: MatrixAnswer): PodGroup[] {
  const index = new Map(matrix.pods.map((key, i) => [key, i]));
  const owners = new Map(cluster.pods.map((p) => [p.key, p.owner ? `${p.namespace}/${p.owner.kind}/${p.owner.name}` : p.key]));
  const groups = new Map<string, PodGroup>();
  for (const element of topology.elements) {
    if (element.data.kind !== 'pod') continue;
    const pod: PodData = element.data;
    const i = index.get(pod.key);
    if (i === undefined) continue;
    const key = owners.get(pod.key) ?? pod.key;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, ids: [], indices: [], ingressIsolated: false, egressIsolated: false }));
    group.ids.push(element.id);
    group.indices.push(i);
    group.ingressIsolated ||= pod.isolation.ingress.length > 0;
    group.egressIsolated ||= pod.isolation.egress.length > 0;
  }
  return [...groups.values()];
}

export function policyFlowEdges(cluster: Cluster, topology: Topology, matrix: MatrixAnswer): TopologyEdge[] {
  if (matrix.enforced === false) return [];
  const groups = groupsOf(cluster, topology, matrix);
  const edges: TopologyEdge[] = [];
  for (const from of groups) {
    for (const to of groups) {
      if (from === to || !(from.egressIsolated || to.ingressIsolated)) continue;
      let allowed = 0;
      for (const s of from.indices) for (const d of to.indices) if (matrix.allowed[s][d]) allowed++;
      if (allowed === 0) continue;
      edges.push({
        id: `policy-flow-${from.key}>${to.key}`,
        source: from.ids[0],
        target: to.ids[0],
        kind: 'policy-flow',
        ready: true,
        partial: allowed < from.indices.length * to.indices.length,
      });
    }
  }
  return edges;
}


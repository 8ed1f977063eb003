// Pods indexed by namespace and label pair, so a selector costs its smallest posting list, not all pods.
import type { Pod } from '../types';

export interface LabelIndex {
  byNamespace: Map<string, { all: Pod[]; byPair: Map<string, Pod[]> }>;
}

export function indexPods(pods: Pod[]): LabelIndex {
  const byNamespace: LabelIndex['byNamespace'] = new Map();
  for (const pod of pods) {
    let ns = byNamespace.get(pod.namespace);
    if (!ns) byNamespace.set(pod.namespace, (ns = { all: [], byPair: new Map() }));
    ns.all.push(pod);
    for (const [k, v] of Object.entries(pod.labels)) {
      const pair = `${k}=${v}`;
      const list = ns.byPair.get(pair);
      if (list) list.push(pod);
      else ns.byPair.set(pair, [pod]);
    }
  }
  return { byNamespace };
}

/** Pods in `namespace` whose labels contain every pair of `selector` (an empty selector selects nothing here). */
export function selectPods(index: LabelIndex, namespace: string, selector: Record<string, string>): Pod[] {
  const ns = index.byNamespace.get(namespace);
  const pairs = Object.entries(selector);
  if (!ns || pairs.length === 0) return [];
  let smallest: Pod[] | undefined;
  for (const [k, v] of pairs) {
    const list = ns.byPair.get(`${k}=${v}`);
    if (!list) return [];
    if (!smallest || list.length < smallest.length) smallest = list;
  }
  return (smallest ?? []).filter((p) => pairs.every(([k, v]) => p.labels[k] === v));
}

export function podsInNamespace(index: LabelIndex, namespace: string): Pod[] {
  return index.byNamespace.get(namespace)?.all ?? [];
}

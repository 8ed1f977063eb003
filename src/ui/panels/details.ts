// What the details panel says about a canvas element, as plain rows. Pure.
import type { Cluster } from '../../engine';
import type { PodAggregateData } from '../canvas/topology';

/** A grouped card lists this many of its pods; the rest are counted. */
export const LISTED_PODS = 50;

export interface DetailsSection {
  heading: string;
  rows: Array<[string, string]>;
}

export interface Details {
  kind: string;
  title: string;
  sections: DetailsSection[];
}

const labelsOf = (labels: Record<string, string>): Array<[string, string]> =>
  Object.entries(labels).map(([k, v]) => [k, v]);

export function describeElement(cluster: Cluster, id: string): Details | null {
  if (id.startsWith('service-') || id.startsWith('lb-')) {
    const key = id.slice(id.indexOf('-') + 1);
    const service = cluster.services.find((s) => s.key === key);
    if (!service) return null;
    const slices = cluster.endpointSlices.filter((s) => s.service === key);
    return {
      kind: `Service · ${service.headless ? 'headless' : service.type}`,
      title: service.key,
      sections: [
        {
          heading: 'Addresses',
          rows: [
            ['ClusterIP', service.clusterIP ?? '—'],
            ...(service.externalName ? [['externalName', service.externalName] as [string, string]] : []),
            ...service.loadBalancerIngress.map((ip) => ['LoadBalancer IP', ip] as [string, string]),
            ...service.externalIPs.map((ip) => ['externalIP', ip] as [string, string]),
          ],
        },
        {
          heading: 'Ports',
          rows: service.ports.map((p) => [
            p.name ?? '(unnamed)',
            `${p.port}/${p.protocol} → ${p.targetPort}${p.nodePort !== null ? ` · NodePort ${p.nodePort}` : ''}`,
          ]),
        },
        { heading: 'Selector', rows: service.selector ? labelsOf(service.selector) : [['', 'none (endpoints are managed by hand)']] },
        {
          heading: 'Endpoints',
          rows: slices.flatMap((slice) =>
            slice.endpoints.map((e) => [
              e.targetRef ?? '(no pod)',
              `${e.addresses.join(', ')}${e.conditions.ready ? '' : ' · not ready'}${e.nodeName ? ` · ${e.nodeName}` : ''}`,
            ] as [string, string]),
          ),
        },
        { heading: 'Labels', rows: labelsOf(service.labels) },
      ],
    };
  }
  if (id.startsWith('pod-')) {
    const pod = cluster.pods.find((p) => p.key === id.slice(4));
    if (!pod) return null;
    const backs = cluster.endpointSlices.filter((s) => s.endpoints.some((e) => e.targetRef === pod.key)).map((s) => s.service);
    return {
      kind: 'Pod',
      title: pod.key,
      sections: [
        {
          heading: 'Status',
          rows: [
            ['phase', pod.phase],
            ['ready', pod.ready ? 'yes' : 'no'],
            ['pod IP', pod.podIP ?? '—'],
            ['node', `${pod.nodeName ?? '—'}${pod.hostIP ? ` (${pod.hostIP})` : ''}`],
            ['made by', pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : 'Pod object'],
          ],
        },
        {
          heading: 'Container ports',
          rows: pod.containers.flatMap((c) => c.ports.map((p) => [`${c.name}${p.name ? ` · ${p.name}` : ''}`, `${p.containerPort}/${p.protocol}`] as [string, string])),
        },
        { heading: 'Labels', rows: labelsOf(pod.labels) },
        { heading: 'Endpoint of', rows: [...new Set(backs)].map((s) => ['Service', s] as [string, string]) },
      ],
    };
  }
  if (id.startsWith('node-')) {
    const node = cluster.nodes.find((n) => n.name === id.slice(5));
    if (!node) return null;
    return {
      kind: node.builtin ? 'Node (default)' : 'Node',
      title: node.name,
      sections: [
        { heading: 'Addresses', rows: [['InternalIP', node.internalIP], ['podCIDR', node.podCIDR], ['zone', node.zone ?? '—']] },
        {
          heading: 'NodePorts',
          rows: cluster.services.flatMap((s) =>
            s.ports.filter((p) => p.nodePort !== null).map((p) => [`${p.nodePort}/${p.protocol}`, `${s.key}:${p.port}`] as [string, string]),
          ),
        },
        { heading: 'Labels', rows: labelsOf(node.labels) },
      ],
    };
  }
  return null;
}

/** A grouped card of many pods: what they have in common, their pods (the first LISTED_PODS) and the Services they back. */
export function describePods(cluster: Cluster, group: PodAggregateData): Details {
  const members = new Set(group.pods);
  const listed = new Set(group.pods.slice(0, LISTED_PODS));
  const pods = cluster.pods.filter((p) => listed.has(p.key)).sort((a, b) => a.name.localeCompare(b.name));
  const backs = new Map<string, Set<string>>();
  for (const slice of cluster.endpointSlices) {
    for (const e of slice.endpoints) {
      if (!e.targetRef || !members.has(e.targetRef)) continue;
      const set = backs.get(slice.service) ?? new Set<string>();
      set.add(e.targetRef);
      backs.set(slice.service, set);
    }
  }
  const more = group.podCount - pods.length;
  const isolated = (n: number, policies: string[]): Array<[string, string]> => (n > 0 ? [[`${n} of ${group.podCount} pods`, policies.join(', ')]] : []);
  return {
    kind: `${group.podCount} pods, drawn as one card`,
    title: group.ownerKind ? `${group.namespace}/${group.label}` : `${group.namespace} · ${group.label}`,
    sections: [
      {
        heading: 'Group',
        rows: [
          ['namespace', group.namespace],
          ['made by', group.ownerKind ? `${group.ownerKind}/${group.label}` : 'no one workload'],
          ['node', group.nodeName ?? 'not scheduled'],
          ['pods', String(group.podCount)],
          ['ready', String(group.readyCount)],
          ['not ready', String(group.podCount - group.readyCount)],
        ],
      },
      {
        heading: more > 0 ? `Pods (first ${pods.length} of ${group.podCount})` : 'Pods',
        rows: [
          ...pods.map((p) => [p.name, `${p.podIP ?? 'no IP'} · ${p.ready ? 'Ready' : p.phase === 'Running' ? 'NotReady' : p.phase}`] as [string, string]),
          ...(more > 0 ? [['', `… and ${more} more`] as [string, string]] : []),
        ],
      },
      { heading: 'Endpoint of', rows: [...backs].map(([service, set]) => [`Service ${service}`, `${set.size} of these pods`] as [string, string]) },
      ...(cluster.networkPolicies.length === 0
        ? []
        : [
            { heading: 'Ingress-isolated by NetworkPolicy', rows: isolated(group.isolatedPods.ingress, group.isolation.ingress) },
            { heading: 'Egress-isolated by NetworkPolicy', rows: isolated(group.isolatedPods.egress, group.isolation.egress) },
          ]),
    ],
  };
}

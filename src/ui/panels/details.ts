// What the details panel says about a canvas element, as plain rows. Pure.
import type { Cluster } from '../../engine';

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

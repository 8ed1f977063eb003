// What the request bar offers and prefills, derived from the current simulation. Pure.
import type { Cluster, Service, TraceQuestion } from '../../engine';

export const EXTERNAL = 'external';
/** A documentation address (RFC 5737): the client outside the cluster. */
export const DEFAULT_EXTERNAL_SOURCE_IP = '203.0.113.10';

export interface Choice {
  value: string;
  label: string;
}

/** `external` first, then the pods (the user's before kube-system's). */
export function sourceChoices(cluster: Cluster): Choice[] {
  const pods = [...cluster.pods].sort((a, b) => Number(a.builtin) - Number(b.builtin) || a.key.localeCompare(b.key));
  return [
    { value: EXTERNAL, label: 'a client outside the cluster' },
    ...pods.map((p) => ({ value: p.key, label: `Pod ${p.podIP ?? 'without IP'} on ${p.nodeName ?? 'no node'}` })),
  ];
}

const isHttpPort = (port: Service['ports'][number]) => port.port === 80 || port.port === 8080 || /^https?/.test(port.name ?? '');

function fromOutside(cluster: Cluster): Choice[] {
  const choices: Choice[] = [];
  for (const s of cluster.services) {
    for (const ip of [...s.loadBalancerIngress, ...s.externalIPs]) {
      for (const p of s.ports) choices.push({ value: `${ip}:${p.port}`, label: `LoadBalancer ${s.key}` });
    }
  }
  for (const s of cluster.services) {
    for (const p of s.ports) {
      if (p.nodePort === null || s.type === 'ExternalName') continue;
      for (const n of cluster.nodes) choices.push({ value: `${n.internalIP}:${p.nodePort}`, label: `NodePort of ${s.key} on ${n.name}` });
    }
  }
  return choices;
}

function insideCluster(cluster: Cluster): Choice[] {
  const named: Choice[] = [];
  const addresses: Choice[] = [];
  // The user's Services before the ones the cluster brings (kubernetes, kube-dns).
  const services = [...cluster.services].sort((a, b) => Number(a.builtin) - Number(b.builtin));
  for (const s of services) {
    const host = `${s.name}.${s.namespace}`;
    for (const p of s.ports.length > 0 ? s.ports : [null]) {
      const port = p?.port ?? 80;
      named.push({ value: `${host}:${port}`, label: `Service ${s.key}` });
      if (p && isHttpPort(p)) named.push({ value: `http://${host}${port === 80 ? '' : `:${port}`}/`, label: `URL of Service ${s.key}` });
      if (s.clusterIP && !s.headless) addresses.push({ value: `${s.clusterIP}:${port}`, label: `ClusterIP of ${s.key}` });
    }
  }
  return [...named, ...addresses];
}

/** Where a request can go: what answers from the sender's side first; each address once (53/UDP and 53/TCP are one). */
export function targetChoices(cluster: Cluster, fromExternal: boolean): Choice[] {
  const outside = fromOutside(cluster);
  const inside = insideCluster(cluster);
  const all = fromExternal ? [...outside, ...inside] : [...inside, ...outside];
  const seen = new Set<string>();
  return all.filter((c) => !seen.has(c.value) && seen.add(c.value));
}

/** A request worth showing first: outside → the first load balancer (or NodePort), else pod → a Service. */
export function defaultRequest(cluster: Cluster): TraceQuestion | null {
  const outside = fromOutside(cluster);
  if (outside.length > 0) return { from: EXTERNAL, to: outside[0].value, protocol: 'TCP', srcIp: DEFAULT_EXTERNAL_SOURCE_IP };
  const pod = cluster.pods.find((p) => !p.builtin);
  const service = cluster.services.find((s) => !s.builtin && s.type !== 'ExternalName' && s.ports.length > 0);
  if (!pod || !service) return null;
  return { from: pod.key, to: `${service.name}.${service.namespace}:${service.ports[0].port}`, protocol: service.ports[0].protocol };
}

/** The host part of `http://host:port/path`, `host:port` or `host`. */
export function hostOf(to: string): string {
  const withoutScheme = to.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const authority = withoutScheme.split(/[/?#]/)[0];
  return authority.replace(/:\d*$/, '').toLowerCase();
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Whether the simulation still has something at the request's target: true, false, or null when the
 * page cannot tell (a host name outside the cluster, which an Ingress or the upstream may answer).
 */
export function targetKnown(cluster: Cluster, to: string): boolean | null {
  const host = hostOf(to);
  if (host === '') return false;
  if (IPV4.test(host)) {
    return (
      cluster.services.some((s) => s.clusterIP === host || s.loadBalancerIngress.includes(host) || s.externalIPs.includes(host)) ||
      cluster.nodes.some((n) => n.internalIP === host) ||
      cluster.pods.some((p) => p.podIP === host)
    );
  }
  const domain = `.svc.${cluster.settings.clusterDomain}`;
  const name = host.endsWith(domain) ? host.slice(0, -domain.length) : host.endsWith('.svc') ? host.slice(0, -4) : host;
  const parts = name.split('.');
  if (parts.length === 1) return cluster.services.some((s) => s.name === parts[0]);
  if (parts.length === 2 && cluster.namespaces.some((n) => n.name === parts[1])) {
    return cluster.services.some((s) => s.name === parts[0] && s.namespace === parts[1]);
  }
  if (name !== host && parts.length === 3) return cluster.services.some((s) => s.name === parts[1] && s.namespace === parts[2]);
  return null;
}

// The Service environment variables the kubelet gives a pod's containers
// (k/k pkg/kubelet/kubelet_pods.go getServiceEnvVarMap, pkg/kubelet/envvars FromServices).
import type { Cluster, Pod, Service, SourceRange } from '../types';
import type { ServiceEnvVar } from './types';

/** Document order stands for creation order; what the engine supplies existed first (Services before CoreDNS pods). */
function creationOrder(cluster: Cluster): (source: SourceRange | null, builtinRank: number) => number {
  const files = new Map<string, number>();
  for (const o of cluster.objects) if (!files.has(o.source.file)) files.set(o.source.file, files.size);
  return (source, builtinRank) => (source ? (files.get(source.file) ?? files.size) * 1e6 + source.doc : builtinRank);
}

const envName = (name: string) => name.toUpperCase().replace(/-/g, '_');

function variables(s: Service): ServiceEnvVar[] {
  const ip = s.clusterIP as string;
  const prefix = envName(s.name);
  const out: Array<{ name: string; value: string }> = [{ name: `${prefix}_SERVICE_HOST`, value: ip }];
  const first = s.ports[0];
  if (first) out.push({ name: `${prefix}_SERVICE_PORT`, value: String(first.port) });
  for (const p of s.ports) if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${envName(p.name)}`, value: String(p.port) });
  s.ports.forEach((p, i) => {
    const proto = p.protocol.toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
    const portPrefix = `${prefix}_PORT_${p.port}_${p.protocol}`;
    out.push(
      { name: portPrefix, value: url },
      { name: `${portPrefix}_PROTO`, value: proto },
      { name: `${portPrefix}_PORT`, value: String(p.port) },
      { name: `${portPrefix}_ADDR`, value: ip },
    );
  });
  return out.map((v) => ({ ...v, service: s.key }));
}

/**
 * What `env` shows in the pod's containers from Services: those with a cluster IP (not headless, not ExternalName)
 * in the pod's namespace that existed before the pod, unless `enableServiceLinks: false`; and always `default/kubernetes`
 * (a `kubernetes` Service of the pod's own namespace takes its place). Sorted by Service name, kubelet order within one.
 */
export function serviceEnvironment(cluster: Cluster, pod: Pod): ServiceEnvVar[] {
  const order = creationOrder(cluster);
  const podCreated = order(pod.source, -1);
  const chosen = new Map<string, Service>();
  for (const s of cluster.services) {
    if (!s.clusterIP || s.clusterIP === 'None' || s.type === 'ExternalName') continue;
    if (order(s.source, -2) >= podCreated) continue;
    if (s.namespace === 'default' && s.name === 'kubernetes') {
      if (!chosen.has(s.name)) chosen.set(s.name, s);
    } else if (s.namespace === pod.namespace && pod.enableServiceLinks !== false) {
      chosen.set(s.name, s);
    }
  }
  return [...chosen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).flatMap(variables);
}

// STUB (replaced by the DNS work): the signatures the rest of the engine and the page rely on.
import type { Cluster, Pod, Simulation } from '../types';
import type { QuestionError } from '../questions';
import { findPod, isQuestionError } from '../model/refs';
import type { DnsAnswer, DnsQuestion, DnsRecordType } from './types';

/** What `name` resolves to from `pod`: resolv.conf, every query sent, the final answer. */
export function resolveFromPod(cluster: Cluster, pod: Pod, name: string, type: DnsRecordType = 'A'): DnsAnswer {
  const domain = cluster.settings.clusterDomain;
  const searches = [`${pod.namespace}.svc.${domain}`, `svc.${domain}`, domain];
  const fqdn = name.endsWith('.') ? name : name.split('.').length >= 3 ? `${name}.` : `${name}.${pod.namespace}.svc.${domain}.`;
  const service = cluster.services.find((s) => `${s.name}.${s.namespace}.svc.${domain}.` === fqdn);
  const data = service?.clusterIP && !service.headless ? service.clusterIP : null;
  return {
    resolvConf: { nameservers: [cluster.settings.dnsServiceIP], searches, ndots: 5 },
    queries: [{ name: fqdn, type, rcode: data ? 'NOERROR' : 'NXDOMAIN' }],
    rcode: data ? 'NOERROR' : 'NXDOMAIN',
    answers: data ? [{ name: fqdn, type: 'A', data, ttl: 5 }] : [],
  };
}

export function dns(sim: Simulation, q: DnsQuestion): DnsAnswer | QuestionError {
  const pod = findPod(sim.cluster, q.from);
  if (isQuestionError(pod)) return pod;
  return resolveFromPod(sim.cluster, pod, q.name, q.type ?? 'A');
}

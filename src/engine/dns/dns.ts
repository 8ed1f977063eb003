// The `dns` question: resolv.conf, the resolver's walk over candidate names, and the answer that ended it.
import type { Cluster, Pod, Simulation } from '../types';
import type { QuestionError } from '../questions';
import { findPod, isQuestionError, questionError } from '../model/refs';
import { isIPv4 } from '../model/ip';
import type { DnsAnswer, DnsQuery, DnsQuestion, DnsRecord, DnsRecordType, PodNetworkAnswer, PodNetworkQuestion } from './types';
import { resolvConfFor, resolvConfText } from './resolvconf';
import { serviceEnvironment } from './env';
import { candidateNames } from './resolver';
import { absolute, canonical, reverseName } from './names';
import { ask } from './server';
import { zoneOf } from './zone';

export const RECORD_TYPES: readonly DnsRecordType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR'];
/** Where glibc sends queries when resolv.conf names no nameserver; nothing listens there in a pod. */
const NO_NAMESERVER = '127.0.0.1';

/** Reverse lookups (`dig -x`, getnameinfo) send the in-addr.arpa name as an absolute name, without the search list. */
function reverseQuery(name: string): string | null {
  if (isIPv4(name)) return reverseName(name);
  return canonical(name).endsWith('.in-addr.arpa') ? absolute(name) : null;
}

/** CNAME chain first, in chain order; then the other records sorted by type and data. */
function ordered(records: DnsRecord[]): DnsRecord[] {
  const chain = records.filter((r) => r.type === 'CNAME');
  const rest = records.filter((r) => r.type !== 'CNAME').sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.data < b.data ? -1 : a.data > b.data ? 1 : 0));
  return [...chain, ...rest];
}

/** What `name` resolves to from `pod`: resolv.conf, every query sent, the final answer. */
export function resolveFromPod(cluster: Cluster, pod: Pod, name: string, type: DnsRecordType = 'A'): DnsAnswer {
  const resolvConf = resolvConfFor(cluster, pod);
  const reverse = type === 'PTR' ? reverseQuery(name) : null;
  const candidates = reverse ? [reverse] : candidateNames(name, resolvConf);
  const server = resolvConf.nameservers[0] ?? NO_NAMESERVER;
  const queries: DnsQuery[] = [];
  if (resolvConf.nameservers.length === 0) {
    // glibc falls back to the local host; the connection is refused and the lookup ends there.
    queries.push({ name: candidates[0], type, rcode: 'SERVFAIL', server });
    return { resolvConf, queries, rcode: 'SERVFAIL', answers: [], from: pod.key, answeredQuery: null };
  }
  const zone = zoneOf(cluster);
  for (const candidate of candidates) {
    const reply = ask(zone, server, candidate, type);
    queries.push({ name: candidate, type, rcode: reply.rcode, answeredBy: reply.answeredBy, server, records: reply.records.length });
    if (reply.records.length > 0) {
      return { resolvConf, queries, rcode: reply.rcode, answers: ordered(reply.records), from: pod.key, answeredQuery: queries.length - 1 };
    }
  }
  return { resolvConf, queries, rcode: queries[queries.length - 1]?.rcode ?? 'NXDOMAIN', answers: [], from: pod.key, answeredQuery: null };
}

function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'give a name to look up with --name, such as backend-api or example.com.';
  if (/\s/.test(name)) return `"${name}" is not a DNS name: it contains a space.`;
  if (name !== '.' && name.replace(/\.$/, '').split('.').some((l) => l === '')) return `"${name}" is not a DNS name: it has an empty label (two dots in a row, or a leading dot).`;
  if (name.replace(/\.$/, '').length > 253) return `"${name.slice(0, 40)}…" is longer than the 253 characters a DNS name may have.`;
  return null;
}

export function dns(sim: Simulation, q: DnsQuestion): DnsAnswer | QuestionError {
  const type = q.type ?? 'A';
  if (!RECORD_TYPES.includes(type)) return questionError('BAD_ARGUMENT', `--type ${String(type)} is not supported; use one of ${RECORD_TYPES.join(', ')}.`);
  const problem = nameProblem(q.name);
  if (problem) return questionError('BAD_ARGUMENT', problem);
  const pod = findPod(sim.cluster, q.from);
  if (isQuestionError(pod)) return pod;
  return resolveFromPod(sim.cluster, pod, q.name, type);
}

/** The pod inspector's view: resolv.conf and the Service environment variables. */
export function podNetwork(sim: Simulation, q: PodNetworkQuestion): PodNetworkAnswer | QuestionError {
  const pod = findPod(sim.cluster, q.pod);
  if (isQuestionError(pod)) return pod;
  const resolvConf = resolvConfFor(sim.cluster, pod);
  return { pod: pod.key, resolvConf, resolvConfText: resolvConfText(resolvConf), environment: serviceEnvironment(sim.cluster, pod) };
}

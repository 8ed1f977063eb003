// The pod's /etc/resolv.conf as the kubelet writes it (k/k pkg/kubelet/network/dns/dns.go GetPodDNS).
import type { Cluster, Pod, PodDnsConfig } from '../types';
import type { ResolvConf } from './types';

/** The node's own resolver (kubelet --resolv-conf): a kind-style Docker gateway, no search domains of its own. */
export const NODE_RESOLV_CONF: Readonly<{ nameservers: readonly string[]; searches: readonly string[]; options: readonly string[] }> = {
  nameservers: ['172.18.0.1'],
  searches: [],
  options: [],
};

// Kubelet limits (pkg/apis/core/validation: MaxDNSNameservers, MaxDNSSearchPathsExpanded, MaxDNSSearchListCharsExpanded).
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;
const MAX_DOMAIN_LENGTH = 253;
/** glibc's RES_MAXNDOTS; its default ndots is 1. */
const MAX_NDOTS = 15;

interface Base {
  nameservers: string[];
  searches: string[];
  options: string[];
}

const unique = (xs: string[]): string[] => [...new Set(xs)];

/** Which base the kubelet starts from: a hostNetwork pod under ClusterFirst gets the node's resolver. */
export function effectivePolicy(pod: Pod): 'ClusterFirst' | 'Default' | 'None' {
  switch (pod.dnsPolicy) {
    case 'None': return 'None';
    case 'Default': return 'Default';
    case 'ClusterFirstWithHostNet': return 'ClusterFirst';
    case 'ClusterFirst': return pod.hostNetwork ? 'Default' : 'ClusterFirst';
    // The API server refuses other values; the kubelet falls back to ClusterFirst.
    default: return 'ClusterFirst';
  }
}

function base(cluster: Cluster, pod: Pod, policy: 'ClusterFirst' | 'Default' | 'None'): Base {
  const host: Base = { nameservers: [...NODE_RESOLV_CONF.nameservers], searches: [...NODE_RESOLV_CONF.searches], options: [...NODE_RESOLV_CONF.options] };
  if (policy === 'None') return { nameservers: [], searches: [], options: [] };
  if (policy === 'Default') return host;
  const domain = cluster.settings.clusterDomain;
  return {
    nameservers: [cluster.settings.dnsServiceIP],
    searches: unique([`${pod.namespace}.svc.${domain}`, `svc.${domain}`, domain, ...host.searches]),
    options: ['ndots:5'],
  };
}

/** Options merged by name, the pod's value winning; order kept (the kubelet's is a Go map's, so any order is faithful). */
function mergeOptions(existing: string[], given: PodDnsConfig['options']): string[] {
  const merged = new Map<string, string | null>();
  for (const op of existing) {
    const i = op.indexOf(':');
    merged.set(i === -1 ? op : op.slice(0, i), i === -1 ? null : op.slice(i + 1));
  }
  for (const op of given) merged.set(op.name, op.value === '' ? null : op.value);
  return [...merged].map(([name, value]) => (value === null ? name : `${name}:${value}`));
}

function fitSearches(searches: string[], notes: string[]): string[] {
  let out = searches.slice(0, MAX_SEARCHES);
  const long = out.filter((s) => s.length > MAX_DOMAIN_LENGTH);
  out = out.filter((s) => s.length <= MAX_DOMAIN_LENGTH);
  while (out.length > 0 && out.join(' ').length > MAX_SEARCH_CHARS) out = out.slice(0, -1);
  if (out.length < searches.length) {
    const why = long.length > 0 ? `a domain longer than ${MAX_DOMAIN_LENGTH} characters` : `more than ${MAX_SEARCHES} domains or ${MAX_SEARCH_CHARS} characters`;
    notes.push(`The kubelet cut the search list (${why}): it keeps ${out.length} of ${searches.length} domains.`);
  }
  return out;
}

/** ndots from the options (the last one wins, as glibc reads them); glibc's default is 1, its cap 15. */
export function ndotsOf(options: string[]): number {
  let ndots = 1;
  for (const op of options) {
    const m = /^ndots:(\d+)$/.exec(op);
    if (m) ndots = Math.min(Number(m[1]), MAX_NDOTS);
  }
  return ndots;
}

export function resolvConfFor(cluster: Cluster, pod: Pod): ResolvConf {
  const policy = effectivePolicy(pod);
  const notes: string[] = [];
  if (policy === 'Default' && pod.dnsPolicy === 'ClusterFirst') {
    notes.push('A hostNetwork pod with dnsPolicy ClusterFirst gets the node\'s resolver: set ClusterFirstWithHostNet to use cluster DNS.');
  } else if (!['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'].includes(pod.dnsPolicy)) {
    notes.push(`dnsPolicy "${pod.dnsPolicy}" is not valid; the kubelet would fall back to ClusterFirst.`);
  }
  const b = base(cluster, pod, policy);
  const config = pod.dnsConfig;
  if (config) {
    b.nameservers = unique([...b.nameservers, ...config.nameservers]);
    b.searches = unique([...b.searches, ...config.searches]);
    b.options = mergeOptions(b.options, config.options);
  }
  if (b.nameservers.length > MAX_NAMESERVERS) {
    notes.push(`The kubelet keeps only the first ${MAX_NAMESERVERS} nameservers (${b.nameservers.length} given).`);
    b.nameservers = b.nameservers.slice(0, MAX_NAMESERVERS);
  }
  b.searches = fitSearches(b.searches, notes);
  const out: ResolvConf = { nameservers: b.nameservers, searches: b.searches, ndots: ndotsOf(b.options), options: b.options, effectivePolicy: policy };
  if (notes.length > 0) out.notes = notes;
  return out;
}

/** The file itself, as `cat /etc/resolv.conf` in the pod would show it. */
export function resolvConfText(rc: ResolvConf): string {
  const lines: string[] = [];
  if (rc.searches.length > 0) lines.push(`search ${rc.searches.join(' ')}`);
  for (const ns of rc.nameservers) lines.push(`nameserver ${ns}`);
  if (rc.options && rc.options.length > 0) lines.push(`options ${rc.options.join(' ')}`);
  return lines.join('\n') + '\n';
}

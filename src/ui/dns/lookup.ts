// What the DNS panel says about an answer, and the path a lookup takes on the canvas. Pure.
import type { Cluster, DnsAnswer, Pod, ResolvConf } from '../../engine';
import type { PlaybackPath } from '../state/stores';
import { podId, serviceId } from '../canvas/topology';

const KUBE_DNS = 'kube-system/kube-dns';

/** The pod `ns/pod` (or `pod`, in default) names, as the engine reads such a reference. */
export function findPodByRef(cluster: Cluster, ref: string): Pod | null {
  const wanted = ref.trim();
  const key = wanted.includes('/') ? wanted : `default/${wanted}`;
  return cluster.pods.find((p) => p.key === key) ?? null;
}

/**
 * The pod's /etc/resolv.conf, line by line, as the kubelet writes it. `options` are the file's own
 * (none at all under dnsPolicy None: glibc then uses ndots 1); without them, ndots stands alone.
 */
export function resolvConfLines(conf: ResolvConf): string[] {
  const options = conf.options ?? [`ndots:${conf.ndots}`];
  return [
    ...(conf.searches.length > 0 ? [`search ${conf.searches.join(' ')}`] : []),
    ...conf.nameservers.map((ns) => `nameserver ${ns}`),
    ...(options.length > 0 ? [`options ${options.join(' ')}`] : []),
  ];
}

const dotsIn = (name: string) => (name.match(/\./g) ?? []).length;

/**
 * Why a lookup cost several queries, and how to avoid it, in one sentence (null for one query).
 * glibc tries the search list first when the name has fewer dots than ndots, and after the
 * name as written when it has as many or more.
 */
export function whyManyQueries(name: string, answer: DnsAnswer): string | null {
  const count = answer.queries.length;
  if (count <= 1) return null;
  const written = name.trim();
  const dots = dotsIn(written);
  const { ndots } = answer.resolvConf;
  const found = answer.answers.length > 0 ? answer.queries[count - 1].name : null;
  const avoid = found
    ? `writing the full name with a trailing dot (${found}) sends one query`
    : 'a trailing dot after the full name sends exactly one query';
  const plural = dots === 1 ? 'dot' : 'dots';
  if (dots < ndots) {
    return `${count} queries because "${written}" has ${dots} ${plural}, fewer than ndots:${ndots}, so the resolver tries every search domain before the name as written; ${avoid}, or lower ndots in the pod's dnsConfig.`;
  }
  return `${count} queries because the name as written found nothing, so the resolver went on through the search list; ${avoid}.`;
}

/** The CoreDNS pod kube-proxy sends the query to: the first ready endpoint of kube-dns. */
function coreDnsPod(cluster: Cluster): Pod | null {
  for (const slice of cluster.endpointSlices) {
    if (slice.service !== KUBE_DNS) continue;
    const ready = slice.endpoints.find((e) => e.conditions.ready && e.targetRef);
    const pod = ready && cluster.pods.find((p) => p.key === ready.targetRef);
    if (pod) return pod;
  }
  return null;
}

function countRcodes(answer: DnsAnswer): string {
  const counts = new Map<string, number>();
  for (const q of answer.queries) counts.set(q.rcode, (counts.get(q.rcode) ?? 0) + 1);
  return [...counts].map(([rcode, n]) => `${n} × ${rcode}`).join(', ');
}

function outcome(name: string, answer: DnsAnswer): string {
  if (answer.answers.length === 0) return `${name}: ${answer.rcode}, no records.`;
  const data = answer.answers.map((r) => r.data);
  const shown = data.slice(0, 3).join(', ') + (data.length > 3 ? ` and ${data.length - 3} more` : '');
  return `${name} → ${shown}.`;
}

/** Editor lines of the Services named in the answers (CoreDNS builds those records from them). */
function serviceHighlights(cluster: Cluster, answer: DnsAnswer): PlaybackPath['highlights'] {
  const suffix = `.svc.${cluster.settings.clusterDomain}.`;
  const lines: PlaybackPath['highlights'] = [];
  for (const service of cluster.services) {
    if (!service.source) continue;
    const fqdn = `${service.name}.${service.namespace}${suffix}`;
    if (answer.answers.some((r) => r.name === fqdn)) lines.push({ line: service.source.line, endLine: service.source.endLine });
  }
  return lines;
}

/**
 * pod → kube-dns → CoreDNS → back to the pod, for the playback store. Null when the cluster has
 * no ready CoreDNS pod or the pod does not use cluster DNS (its nameserver is not kube-dns).
 */
export function dnsPlayback(cluster: Cluster, pod: Pod, name: string, answer: DnsAnswer): Omit<PlaybackPath, 'id'> | null {
  const server = cluster.settings.dnsServiceIP;
  const core = coreDnsPod(cluster);
  // The resolver sends every query to the first nameserver; only kube-dns has a path on the canvas.
  const asked = answer.queries[0]?.server ?? answer.resolvConf.nameservers[0];
  if (!core || asked !== server) return null;
  const podIP = pod.podIP ?? pod.key;
  const coreIP = `${core.podIP ?? core.key}:53`;
  const n = answer.queries.length;
  const upstream = answer.queries.some((q) => q.answeredBy === 'upstream');
  return {
    title: `DNS lookup of ${name} from ${pod.key}`,
    hops: [
      {
        element: podId(pod.key), kind: 'Pod', label: pod.name,
        caption: `The resolver sends ${n === 1 ? 'a query' : `${n} queries`} for ${name} to its nameserver ${server} (UDP 53).`,
        src: podIP, dst: `${server}:53`,
      },
      {
        element: serviceId(KUBE_DNS), kind: 'ClusterIP', label: `kube-dns ${server}`,
        caption: `kube-proxy rewrites the Service address to a CoreDNS pod (DNAT to ${coreIP}).`,
        src: podIP, dst: coreIP,
      },
      {
        element: podId(core.key), kind: 'DNS', label: core.name,
        caption: `CoreDNS answers ${countRcodes(answer)}${upstream ? ', forwarding names outside the cluster to the upstream resolver' : ''}.`,
        src: podIP, dst: coreIP,
      },
      {
        element: podId(pod.key), kind: 'Pod', label: pod.name,
        caption: `The reply comes back from ${server} (conntrack undoes the DNAT): ${outcome(name, answer)}`,
        src: `${server}:53`, dst: podIP,
      },
    ],
    drop: null,
    highlights: serviceHighlights(cluster, answer),
  };
}

const LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Why `host` cannot be an upstream name (null when it can): a DNS name outside the cluster domain. */
export function upstreamNameProblem(host: string, clusterDomain: string): string | null {
  if (!host) return 'Give a name, such as api.example.org.';
  if (host.length > 253 || !host.split('.').every((label) => LABEL.test(label))) {
    return `"${host}" is not a DNS name (lower-case letters, digits, "-" and ".").`;
  }
  if (host === clusterDomain || host.endsWith(`.${clusterDomain}`)) {
    return `Names under ${clusterDomain} are answered by CoreDNS from the cluster's Services, not by the upstream.`;
  }
  return null;
}

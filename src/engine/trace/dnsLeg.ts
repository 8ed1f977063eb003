// From a pod, a host name is looked up through cluster DNS first: pod -> kube-dns Service ->
// a CoreDNS pod -> the answer, each step a DNS hop, NetworkPolicy checked on 53/UDP.
import type { Pod } from '../types';
import { resolveFromPod } from '../dns/dns';
import { connectionVerdict } from '../policy/reach';
import { serviceBackends, usableBackends } from '../services/endpoints';
import { chooseBackend } from '../services/balance';
import { addr, drop, hop, podRef, serviceRef, type Walk } from './walk';

export interface Resolved {
  ips: string[];
  chosen: string;
  /** The last CNAME target when the name is an alias (an ExternalName), else null. */
  cname: string | null;
}

/** The CoreDNS pod kube-proxy sends this query to, or null when kube-dns has none. */
function coreDnsPod(w: Walk, pod: Pod, dnsIP: string): { pod: Pod; note: string } | null {
  const service = w.index.byClusterIP.get(dnsIP);
  const sp = service?.ports.find((p) => p.port === 53 && p.protocol === 'UDP');
  if (!service || !sp) return null;
  const usable = usableBackends(serviceBackends(w.index, service, sp).listed);
  if (usable.backends.length === 0) return null;
  const choice = chooseBackend({
    mode: w.cluster.settings.proxyMode, scheduler: w.cluster.settings.ipvsScheduler, service, ruleKey: `${service.key}:53/UDP:cluster`,
    backends: usable.backends, clientIP: pod.podIP ?? '', destinationIP: dnsIP, random: w.random, state: w.state,
  });
  const target = w.index.podsByKey.get(choice.backend.pod);
  if (!target) return null;
  return { pod: target, note: `${usable.backends.indexOf(choice.backend) + 1} of ${usable.backends.length}` };
}

/** Resolve `host` from the source pod, adding DNS hops. Null when the walk was dropped. */
export function resolveLeg(w: Walk, pod: Pod, host: string): Resolved | null {
  const memoKey = `${pod.key}|${host}`;
  const answer = w.dnsAnswers.get(memoKey) ?? resolveFromPod(w.cluster, pod, host, 'A');
  w.dnsAnswers.set(memoKey, answer);
  const nameserver = answer.resolvConf.nameservers[0] ?? w.cluster.settings.dnsServiceIP;
  const podIP = pod.podIP ?? '';
  // The query leaves from its own ephemeral UDP port.
  const dnsPort = 32768 + Math.floor(w.random() * 28232);
  const ask = { src: addr(podIP, dnsPort), dst: addr(nameserver, 53) };
  const clusterDns = w.index.byClusterIP.get(nameserver);
  const dnsKey = clusterDns?.key ?? nameserver;
  const core = clusterDns ? coreDnsPod(w, pod, nameserver) : null;
  hop(w, 'DNS', dnsKey, nameserver, 53,
    `${pod.key} asks ${clusterDns ? `the cluster DNS (${dnsKey}, ${nameserver}:53/UDP, from its /etc/resolv.conf)` : `its nameserver ${nameserver}`} for "${host}"` +
      (core ? `; kube-proxy sends the query to CoreDNS pod ${core.pod.key} (${core.note}).` : '.'),
    { ref: clusterDns ? serviceRef(clusterDns.key) : null, packet: ask });
  if (clusterDns && !core) {
    drop(w, 'NO_SUCH_HOST', `${dnsKey} has no ready CoreDNS endpoint, so the lookup of "${host}" gets no answer.`, 'Make the CoreDNS pods (label k8s-app: kube-dns in kube-system) run and become Ready.');
    return null;
  }
  if (core) {
    const verdict = connectionVerdict(w.cluster, { pod }, { pod: core.pod }, 53, 'UDP');
    const packet = { src: addr(podIP, dnsPort), dst: addr(core.pod.podIP ?? '', 53) };
    if (!verdict.egress.allowed) {
      const names = verdict.egress.policies.join(', ');
      hop(w, 'Policy', names || pod.key, podIP, null, `Egress NetworkPolicy of ${pod.key} refuses its DNS query to ${core.pod.key} on 53/UDP: ${verdict.reason}`, { ref: podRef(pod), packet });
      drop(w, 'POLICY_DENIED_EGRESS', `DNS is blocked: ${names || 'an egress policy'} isolates ${pod.key} for egress (a default-deny) without allowing kube-dns on port 53, so the lookup of "${host}" fails before any connection is tried.`,
        'Add an egress rule allowing UDP and TCP port 53 to the kube-system namespace (k8s-app: kube-dns pods).');
      return null;
    }
    if (!verdict.ingress.allowed) {
      const names = verdict.ingress.policies.join(', ');
      hop(w, 'Policy', names || core.pod.key, core.pod.podIP, 53, `Ingress NetworkPolicy of ${core.pod.key} refuses the DNS query from ${pod.key}: ${verdict.reason}`, { ref: podRef(core.pod), packet });
      drop(w, 'POLICY_DENIED_INGRESS', `DNS is blocked: ${names || 'an ingress policy'} on the CoreDNS pods does not allow ${pod.key} on 53/UDP, so the lookup of "${host}" fails.`,
        'Allow ingress on UDP and TCP port 53 to the CoreDNS pods from every namespace.');
      return null;
    }
    const walked = answer.queries.map((q) => `${q.name} ${q.type} → ${q.rcode}`).join('; ');
    hop(w, 'DNS', core.pod.key, core.pod.podIP, 53, `CoreDNS answers the resolver's ${answer.queries.length === 1 ? 'query' : `${answer.queries.length} queries (search list, ndots ${answer.resolvConf.ndots})`}: ${walked}.`,
      { ref: podRef(core.pod), packet });
  }
  const cnames = answer.answers.filter((a) => a.type === 'CNAME');
  const ips = answer.answers.filter((a) => a.type === 'A').map((a) => a.data);
  const back = { src: addr(nameserver, 53), dst: addr(podIP, dnsPort) };
  if (answer.rcode !== 'NOERROR' || (ips.length === 0 && cnames.length === 0)) {
    hop(w, 'DNS', host, null, null, `The answer: ${answer.rcode}${answer.rcode === 'NOERROR' ? ' with no address' : ''} — no name the resolver tried exists.`, { ref: podRef(pod), packet: back });
    drop(w, 'NO_SUCH_HOST', `"${host}" does not resolve from ${pod.key} (${answer.queries.map((q) => q.name).join(', ')}: ${answer.rcode}).`,
      `Check the Service name; from namespace ${pod.namespace} a short name finds only Services in ${pod.namespace} — use <service>.<namespace> for another namespace.`);
    return null;
  }
  const final = answer.answers.find((a) => a.type === 'A')?.name ?? host;
  const chain = cnames.map((c) => `${c.name} CNAME ${c.data}`).join(', ');
  const cname = cnames.length > 0 ? cnames[cnames.length - 1].data.replace(/\.$/, '') : null;
  if (ips.length === 0) {
    hop(w, 'DNS', host, null, null, `The answer: ${chain} — an ExternalName pointing outside the cluster, and no address for ${cname}.`, { ref: podRef(pod), packet: back });
    drop(w, 'NO_SUCH_HOST', `"${host}" is an alias (ExternalName) for ${cname}, which the upstream DNS does not know: the client gets no address.`,
      `Point the ExternalName at a host that resolves, or check the spelling of ${cname}, the externalName.`);
    return null;
  }
  // Several A records (a headless Service): CoreDNS's loadbalance plugin shuffles them; the client takes the first.
  const chosen = ips[Math.min(ips.length - 1, Math.floor(w.random() * ips.length))];
  const records = ips.length === 1 ? `A ${chosen}` : `A ${ips.join(', ')} (${ips.length} records, shuffled by CoreDNS; the client connects to the first, ${chosen}, p = 1/${ips.length})`;
  hop(w, 'DNS', host, chosen, null, `The answer: ${chain ? `${chain}, ` : ''}${final} ${records}.`, { ref: podRef(pod), packet: back });
  return { ips, chosen, cname };
}

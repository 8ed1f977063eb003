// The two servers a query can reach: CoreDNS (its kubernetes plugin, then `forward` for everything
// else) and the upstream resolver outside the cluster (`settings.upstreamHosts`).
import type { Protocol } from '../types';
import type { DnsRecord, DnsRecordType, DnsServerKind, Rcode } from './types';
import { isIPv4 } from '../model/ip';
import { absolute, canonical, inZone, ipFromReverse } from './names';
import { UPSTREAM_TTL, type Zone } from './zone';

export interface ServerAnswer {
  rcode: Rcode;
  records: DnsRecord[];
  answeredBy: DnsServerKind;
}

/** One backend entry, as CoreDNS's msg.Service: an address or a name (CNAME), a port, the owner name SRV points at. */
interface Entry {
  host: string;
  port: number;
  owner: string;
}

type Lookup = { nxdomain: true } | { nxdomain: false; entries: Entry[] };

const NX: Lookup = { nxdomain: true };
const found = (entries: Entry[]): Lookup => (entries.length > 0 ? { nxdomain: false, entries } : NX);
const nodata: Lookup = { nxdomain: false, entries: [] };
/** CoreDNS gives up on CNAME chains longer than this (backend_lookup.go). */
const MAX_CHAIN = 7;

const eqFold = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const strip = (label: string) => label.replace(/^_/, '');

function matchPort(want: { port: string; protocol: string }, name: string | null, protocol: Protocol): boolean {
  return (want.port === '' || eqFold(want.port, name ?? '')) && (want.protocol === '' || eqFold(want.protocol, protocol));
}

/** The kubernetes plugin's Records(): parse the name right to left after the zone (parse.go), then look it up. */
function kubernetesRecords(z: Zone, zone: string, name: string): Lookup {
  const base = name === zone ? '' : name.slice(0, -(zone.length + 1));
  if (base === '' || base === 'svc' || base === 'pod') return nodata;
  const segs = base.split('.');
  const kind = segs.pop();
  if (kind !== 'svc' && kind !== 'pod') return NX;
  const namespace = segs.pop() ?? '';
  if (!z.namespaces.has(namespace)) return NX;
  const service = segs.pop();
  if (service === undefined) return nodata;
  if (segs.length > 2) return NX;
  const endpoint = segs.length === 1 ? segs[0] : '';
  const want = segs.length === 2 ? { port: strip(segs[0]), protocol: strip(segs[1]) } : { port: '', protocol: '' };
  return kind === 'pod' ? podRecords(z, namespace, service, name) : serviceRecords(z, namespace, service, endpoint, want);
}

/** `a-b-c-d.<ns>.pod.<zone>`: `pods insecure` answers any well-formed address, `verified` only a pod's own. */
function podRecords(z: Zone, namespace: string, label: string, name: string): Lookup {
  if (z.pods === 'disabled') return NX;
  const ip = label.split('-').length === 4 && !label.includes('--') ? label.replace(/-/g, '.') : '';
  if (!isIPv4(ip)) return NX;
  if (z.pods === 'verified' && !z.podIPs.get(ip)?.has(namespace)) return NX;
  return found([{ host: ip, port: 0, owner: name }]);
}

function serviceRecords(z: Zone, namespace: string, name: string, endpoint: string, want: { port: string; protocol: string }): Lookup {
  const svc = z.services.get(`${namespace}/${name}`);
  if (!svc) return NX;
  const owner = `${svc.name}.${svc.namespace}.svc.${z.cluster.settings.clusterDomain.replace(/\.$/, '')}`;
  if (svc.type === 'ExternalName') {
    const host = (svc.externalName ?? '').replace(/\.$/, '');
    // An IP-looking externalName is no CNAME: CoreDNS skips it.
    if (endpoint !== '' || host === '' || isIPv4(host)) return NX;
    return found([{ host, port: 0, owner }]);
  }
  const entries: Entry[] = [];
  if (svc.headless || endpoint !== '') {
    for (const e of z.endpoints.get(svc.key) ?? []) {
      if (endpoint !== '' && !eqFold(endpoint, e.hostname)) continue;
      for (const p of e.ports) if (matchPort(want, p.name, p.protocol)) entries.push({ host: e.ip, port: p.port, owner: `${e.hostname}.${owner}` });
    }
    return found(entries);
  }
  if (!svc.clusterIP) return NX;
  for (const p of svc.ports) if (matchPort(want, p.name, p.protocol)) entries.push({ host: svc.clusterIP, port: p.port, owner });
  return found(entries);
}

function record(name: string, type: DnsRecordType, data: string, ttl: number): DnsRecord {
  return { name, type, data, ttl };
}

/** Address records for `qname`, following an ExternalName's CNAME in the zone or through the upstream. */
function addressRecords(z: Zone, zone: string, qname: string, type: 'A' | 'AAAA', entries: Entry[], depth: number): DnsRecord[] {
  const out: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (isIPv4(e.host)) {
      if (type === 'A' && !seen.has(e.host)) out.push(record(qname, 'A', e.host, z.ttl));
      seen.add(e.host);
      continue;
    }
    const target = absolute(e.host);
    if (canonical(target) === canonical(qname) || depth >= MAX_CHAIN) continue;
    const cname = record(qname, 'CNAME', target, z.ttl);
    if (inZone(canonical(target), zone)) {
      const next = kubernetesRecords(z, zone, canonical(target));
      const more = next.nxdomain ? [] : addressRecords(z, zone, target, type, next.entries, depth + 1);
      if (more.length > 0) out.push(cname, ...more);
    } else {
      out.push(cname, ...upstream(z, target, type).records);
    }
  }
  return out;
}

function srvRecords(z: Zone, qname: string, entries: Entry[]): DnsRecord[] {
  // SRV for ExternalName is not served (kubernetes.go Services); the weight splits 100 over the entries.
  const internal = entries.filter((e) => isIPv4(e.host));
  const weight = Math.max(1, Math.floor(100 / Math.max(1, internal.length)));
  const out: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const e of internal) {
    if (e.port === -1 || seen.has(`${e.owner}|${e.port}`)) continue;
    seen.add(`${e.owner}|${e.port}`);
    out.push(record(qname, 'SRV', `0 ${weight} ${e.port} ${absolute(e.owner)}`, z.ttl));
  }
  return out;
}

function render(z: Zone, zone: string, qname: string, type: DnsRecordType, entries: Entry[]): DnsRecord[] {
  switch (type) {
    case 'A':
    case 'AAAA':
      return addressRecords(z, zone, qname, type, entries, 0);
    case 'SRV':
      return srvRecords(z, qname, entries);
    case 'CNAME': {
      const first = entries[0];
      return first && !isIPv4(first.host) ? [record(qname, 'CNAME', absolute(first.host), z.ttl)] : [];
    }
    case 'PTR':
      return [];
  }
}

/** The simulated resolver outside the cluster: it knows `settings.upstreamHosts` (A records) and their reverse names. */
export function upstream(z: Zone, qname: string, type: DnsRecordType): ServerAnswer {
  const hosts = z.cluster.settings.upstreamHosts;
  const name = canonical(qname);
  const answer = (records: DnsRecord[]): ServerAnswer => ({ rcode: 'NOERROR', records, answeredBy: 'upstream' });
  if (type === 'PTR') {
    const ip = ipFromReverse(name);
    const names = ip ? Object.keys(hosts).filter((h) => hosts[h] === ip).sort() : [];
    if (names.length > 0) return answer(names.map((h) => record(absolute(qname), 'PTR', `${h}.`, UPSTREAM_TTL)));
  }
  if (Object.prototype.hasOwnProperty.call(hosts, name)) {
    return answer(type === 'A' ? [record(absolute(qname), 'A', hosts[name], UPSTREAM_TTL)] : []);
  }
  // A parent of a known name exists without records of its own (an empty non-terminal).
  if (name !== '' && Object.keys(hosts).some((h) => h.endsWith(`.${name}`))) return answer([]);
  return { rcode: 'NXDOMAIN', records: [], answeredBy: 'upstream' };
}

/** CoreDNS: the kubernetes plugin for the cluster zone and in-addr.arpa (falling through on a miss), `forward` for the rest. */
export function coreDns(z: Zone, qname: string, type: DnsRecordType): ServerAnswer {
  const name = canonical(qname);
  if (z.domain !== null && inZone(name, z.domain)) {
    const lookup = kubernetesRecords(z, z.domain, name);
    if (lookup.nxdomain) return { rcode: 'NXDOMAIN', records: [], answeredBy: 'CoreDNS' };
    return { rcode: 'NOERROR', records: render(z, z.domain, absolute(qname), type, lookup.entries), answeredBy: 'CoreDNS' };
  }
  if (z.reverse && type === 'PTR' && inZone(name, 'in-addr.arpa')) {
    const ip = ipFromReverse(name);
    const targets = ip ? z.ptr.get(ip) : undefined;
    if (targets) return { rcode: 'NOERROR', records: targets.map((t) => record(absolute(qname), 'PTR', t, z.ttl)), answeredBy: 'CoreDNS' };
  }
  return upstream(z, qname, type);
}

/** Send one query to `server`: cluster DNS answers as CoreDNS; any other address is the resolver outside. */
export function ask(z: Zone, server: string, qname: string, type: DnsRecordType): ServerAnswer {
  return z.clusterDnsServers.has(server) ? coreDns(z, qname, type) : upstream(z, qname, type);
}

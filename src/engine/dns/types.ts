// dns: what a pod's resolver does with a name. Field names are fixed by ../shared/cli-contract.md.
export type DnsRecordType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR';
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
/** Who answered a query: the cluster's CoreDNS, or the resolver outside the cluster (CoreDNS forwards there too). */
export type DnsServerKind = 'CoreDNS' | 'upstream';

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  ndots: number;
  /** Every `options` entry as the kubelet writes it (`ndots:5`, `timeout:2`, ...). */
  options?: string[];
  /** The policy the kubelet applied: ClusterFirst on a hostNetwork pod behaves as Default. */
  effectivePolicy?: 'ClusterFirst' | 'Default' | 'None';
  /** Why this file looks the way it does, for a person (hostNetwork fallback, limits cut, ...). */
  notes?: string[];
}

export interface DnsQuery {
  name: string;
  type: DnsRecordType;
  rcode: Rcode;
  /** Which server answered: `CoreDNS`, `upstream`. */
  answeredBy?: DnsServerKind;
  /** The nameserver the resolver sent it to (the first in resolv.conf). */
  server?: string;
  /** How many records came back. */
  records?: number;
}

export interface DnsRecord {
  name: string;
  type: DnsRecordType;
  data: string;
  ttl: number;
}

export interface DnsAnswer {
  resolvConf: ResolvConf;
  queries: DnsQuery[];
  rcode: Rcode;
  answers: DnsRecord[];
  /** The pod that asked (`ns/name`). */
  from?: string;
  /** The query that answered (index into `queries`), or null when none had records. */
  answeredQuery?: number | null;
}

export interface DnsQuestion {
  /** A pod reference (`ns/pod`, `pod`, `ns/deploy/name`, ...). */
  from: string;
  name: string;
  type?: DnsRecordType;
}

/** One environment variable the kubelet sets from a Service (`<NAME>_SERVICE_HOST`, ...). */
export interface ServiceEnvVar {
  name: string;
  value: string;
  /** `ns/name` of the Service it comes from. */
  service: string;
}

/** The pod inspector's question: what the kubelet gives this pod for DNS and Service discovery. */
export interface PodNetworkQuestion {
  /** A pod reference, as in DnsQuestion.from. */
  pod: string;
}

export interface PodNetworkAnswer {
  /** `ns/name` of the pod. */
  pod: string;
  resolvConf: ResolvConf;
  /** The file as `cat /etc/resolv.conf` shows it. */
  resolvConfText: string;
  environment: ServiceEnvVar[];
}

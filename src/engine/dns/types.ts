// dns: what a pod's resolver does with a name. Field names are fixed by ../shared/cli-contract.md.
export type DnsRecordType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR';
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  ndots: number;
  /** Other options as written (`timeout:2`, `attempts:3`, ...); free to add. */
  options?: string[];
}

export interface DnsQuery {
  name: string;
  type: DnsRecordType;
  rcode: Rcode;
  /** Which server answered: `CoreDNS`, `upstream` (free to add). */
  answeredBy?: string;
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
}

export interface DnsQuestion {
  /** A pod reference (`ns/pod`, `pod`, `ns/deploy/name`, ...). */
  from: string;
  name: string;
  type?: DnsRecordType;
}

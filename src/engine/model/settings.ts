import type { ClusterSettings, IpvsScheduler, NetworkPlugin, ProxyMode } from '../types';
import { isRecord } from '../parse/read';
import { parseCIDR4, isIPv4 } from './ip';

export const DEFAULT_SETTINGS: ClusterSettings = {
  clusterDomain: 'cluster.local',
  serviceCIDR: '10.96.0.0/12',
  podCIDRBase: '10.244.0.0/16',
  nodePortRange: { min: 30000, max: 32767 },
  loadBalancerPool: '198.51.100.0/24',
  dnsServiceIP: '10.96.0.10',
  maxEndpointsPerSlice: 100,
  proxyMode: 'iptables',
  ipvsScheduler: 'rr',
  networkPlugin: 'calico',
  upstreamHosts: {
    'example.com': '93.184.215.14',
    'www.example.com': '93.184.215.14',
    'api.github.com': '140.82.112.6',
    'db.example.com': '203.0.113.50',
  },
};

export const PROXY_MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables'];
export const IPVS_SCHEDULERS: readonly IpvsScheduler[] = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq'];
export const NETWORK_PLUGINS: readonly NetworkPlugin[] = ['calico', 'cilium', 'flannel'];

/** True when `v` is one of `values` (a setting read from untrusted input). */
export const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** Caller settings over the defaults; a malformed value falls back to the default rather than throwing. */
export function resolveSettings(given: unknown): ClusterSettings {
  const s: ClusterSettings = { ...DEFAULT_SETTINGS, nodePortRange: { ...DEFAULT_SETTINGS.nodePortRange }, upstreamHosts: { ...DEFAULT_SETTINGS.upstreamHosts } };
  if (!isRecord(given)) return s;
  if (typeof given.clusterDomain === 'string' && given.clusterDomain) s.clusterDomain = given.clusterDomain;
  if (parseCIDR4(given.serviceCIDR)) s.serviceCIDR = given.serviceCIDR as string;
  if (parseCIDR4(given.podCIDRBase)) s.podCIDRBase = given.podCIDRBase as string;
  if (parseCIDR4(given.loadBalancerPool)) s.loadBalancerPool = given.loadBalancerPool as string;
  if (isIPv4(given.dnsServiceIP)) s.dnsServiceIP = given.dnsServiceIP as string;
  const npr = given.nodePortRange;
  if (isRecord(npr) && Number.isInteger(npr.min) && Number.isInteger(npr.max) && (npr.min as number) >= 1 && (npr.min as number) <= (npr.max as number) && (npr.max as number) <= 65535) {
    s.nodePortRange = { min: npr.min as number, max: npr.max as number };
  }
  const m = given.maxEndpointsPerSlice;
  if (typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 1000) s.maxEndpointsPerSlice = m;
  if (oneOf(PROXY_MODES, given.proxyMode)) s.proxyMode = given.proxyMode;
  if (oneOf(IPVS_SCHEDULERS, given.ipvsScheduler)) s.ipvsScheduler = given.ipvsScheduler;
  if (oneOf(NETWORK_PLUGINS, given.networkPlugin)) s.networkPlugin = given.networkPlugin;
  if (isRecord(given.upstreamHosts)) {
    for (const [name, ip] of Object.entries(given.upstreamHosts)) {
      const host = name.toLowerCase().replace(/\.$/, '');
      if (host && isIPv4(ip)) s.upstreamHosts[host] = ip as string;
    }
  }
  return s;
}

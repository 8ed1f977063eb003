import type { ClusterSettings } from '../types';
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
};

/** Caller settings over the defaults; a malformed value falls back to the default rather than throwing. */
export function resolveSettings(given: unknown): ClusterSettings {
  const s: ClusterSettings = { ...DEFAULT_SETTINGS, nodePortRange: { ...DEFAULT_SETTINGS.nodePortRange } };
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
  return s;
}

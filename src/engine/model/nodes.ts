// Nodes: the three default ones, or exactly the Node objects given (buildCluster has dropped duplicates).
import type { ClusterSettings, Node } from '../types';
import type { ParsedObject } from '../parse/parse';
import { field, isRecord, list, str, stringMap } from '../parse/read';
import { formatIPv4, parseCIDR4, parseIPv4 } from './ip';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

function defaultLabels(name: string): Record<string, string> {
  return { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' };
}

export function buildNodes(nodeObjects: ParsedObject[], settings: ClusterSettings): Node[] {
  const base = parseCIDR4(settings.podCIDRBase) ?? parseCIDR4('10.244.0.0/16')!;
  const usedCIDRs = new Set<string>();
  const usedIPs = new Set<string>();
  const drafts = nodeObjects.length > 0
    ? nodeObjects.map((o) => {
        const labels = { ...defaultLabels(o.name), ...stringMap(field(o.value, 'metadata', 'labels')) };
        const cidr = str(field(o.value, 'spec', 'podCIDR')) ?? str(field(o.value, 'spec', 'podCIDRs', 0));
        const addr = list(field(o.value, 'status', 'addresses')).find((a) => isRecord(a) && a.type === 'InternalIP' && parseIPv4(a.address) !== null);
        const conditions = list(field(o.value, 'status', 'conditions'));
        const readyCond = conditions.find((c) => isRecord(c) && c.type === 'Ready');
        return {
          name: o.name,
          labels,
          podCIDR: cidr && parseCIDR4(cidr) ? cidr : null,
          internalIP: isRecord(addr) ? (addr.address as string) : null,
          ready: isRecord(readyCond) ? readyCond.status === 'True' : true,
          builtin: false,
          source: o.source,
        };
      })
    : ['node-1', 'node-2', 'node-3'].map((name) => ({
        name, labels: defaultLabels(name), podCIDR: null as string | null, internalIP: null as string | null,
        ready: true, builtin: true, source: null,
      }));
  for (const d of drafts) {
    if (d.podCIDR) usedCIDRs.add(d.podCIDR);
    if (d.internalIP) usedIPs.add(d.internalIP);
  }
  let nextCIDR = 0;
  let nextIP = 2;
  return drafts.map((d) => {
    let podCIDR = d.podCIDR;
    while (!podCIDR) {
      const candidate = `${formatIPv4((base.base + nextCIDR * 256) >>> 0)}/24`;
      nextCIDR++;
      if (!usedCIDRs.has(candidate)) podCIDR = candidate;
    }
    let internalIP = d.internalIP;
    while (!internalIP) {
      const candidate = `172.18.${Math.floor(nextIP / 256)}.${nextIP % 256}`;
      nextIP++;
      if (!usedIPs.has(candidate) && nextIP % 256 !== 0) internalIP = candidate;
    }
    return {
      name: d.name,
      internalIP,
      podCIDR,
      labels: d.labels,
      zone: d.labels[ZONE_LABEL] ?? null,
      ready: d.ready,
      builtin: d.builtin,
      source: d.source,
    };
  });
}

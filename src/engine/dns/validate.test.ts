import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simulate } from '../simulate';
import { pod, sim } from './testing';

const codes = (text: string) => sim(text).diagnostics.filter((d) => d.code.startsWith('KN6')).map((d) => `${d.code}@${d.line}`);

describe('pod DNS validation', () => {
  it('the seed scenarios are clean', () => {
    for (const name of ['three-tier', 'headless', 'multi-port', 'nodeport']) {
      const text = readFileSync(fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url)), 'utf8');
      expect(simulate([{ name, text }]).diagnostics.filter((d) => d.code.startsWith('KN6'))).toEqual([]);
    }
  });

  it('refuses an unknown dnsPolicy at its line', () => {
    expect(codes(pod('a', 'web', '  dnsPolicy: ClusterFirts\n'))).toEqual(['KN6001@7']);
  });

  it('refuses dnsPolicy None without a nameserver', () => {
    expect(codes(pod('a', 'web', '  dnsPolicy: None\n'))).toEqual(['KN6002@7']);
    expect(codes(pod('a', 'web', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.1.1.1]\n'))).toEqual([]);
  });

  it('refuses more than 3 nameservers, a nameserver that is not an IP, a bad search domain, a nameless option', () => {
    const spec = '  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, dns.google]\n    searches: [Corp_Example]\n    options:\n      - value: "2"\n';
    expect(codes(pod('a', 'web', spec))).toEqual(['KN6003@8', 'KN6003@8', 'KN6004@9', 'KN6005@11']);
  });

  it('refuses a hostname or subdomain that is not a DNS label', () => {
    expect(codes(pod('a', 'web', '  hostname: Web_1\n'))).toEqual(['KN6006@7']);
  });

  it('warns that a hostNetwork pod under ClusterFirst cannot resolve Services', () => {
    const d = sim(pod('a', 'web', '  hostNetwork: true\n')).diagnostics.find((x) => x.code === 'KN6007');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('ClusterFirstWithHostNet');
    expect(codes(pod('a', 'web', '  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n'))).toEqual([]);
  });

  it('warns when a StatefulSet\'s serviceName names no Service', () => {
    const text = readFileSync(fileURLToPath(new URL('../../scenarios/headless.yaml', import.meta.url)), 'utf8').replace('serviceName: cassandra', 'serviceName: cassandra-peers');
    const d = simulate([{ name: 'h.yaml', text }]).diagnostics.filter((x) => x.code === 'KN6008');
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('cassandra-0.cassandra-peers.default.svc.cluster.local');
  });
});

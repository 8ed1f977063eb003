import { describe, expect, it } from 'vitest';
import { resolvConfFor, resolvConfText } from './resolvconf';
import { findPod } from '../model/refs';
import type { Pod } from '../types';
import { API_SERVICE, lookup, pod, sim } from './testing';

function confOf(text: string, ref: string) {
  const s = sim(text);
  const p = findPod(s.cluster, ref) as Pod;
  return resolvConfFor(s.cluster, p);
}

const CLUSTER_SEARCH = ['web.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];

describe('resolv.conf per dnsPolicy', () => {
  it('ClusterFirst (the default): kube-dns, the namespace search list, ndots:5', () => {
    const rc = confOf(pod('a', 'web'), 'web/a');
    expect(rc).toMatchObject({ nameservers: ['10.96.0.10'], searches: CLUSTER_SEARCH, ndots: 5, options: ['ndots:5'], effectivePolicy: 'ClusterFirst' });
    expect(resolvConfText(rc)).toBe('search web.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('Default: the node\'s own resolver, with glibc\'s ndots 1', () => {
    const rc = confOf(pod('a', 'web', '  dnsPolicy: Default\n'), 'web/a');
    expect(rc).toMatchObject({ nameservers: ['172.18.0.1'], searches: [], ndots: 1, options: [], effectivePolicy: 'Default' });
  });

  it('a hostNetwork pod under ClusterFirst gets the node\'s resolver; ClusterFirstWithHostNet gets cluster DNS', () => {
    const plain = confOf(pod('a', 'web', '  hostNetwork: true\n'), 'web/a');
    expect(plain).toMatchObject({ nameservers: ['172.18.0.1'], searches: [], effectivePolicy: 'Default' });
    expect(plain.notes?.[0]).toContain('ClusterFirstWithHostNet');
    const withHostNet = confOf(pod('a', 'web', '  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n'), 'web/a');
    expect(withHostNet).toMatchObject({ nameservers: ['10.96.0.10'], searches: CLUSTER_SEARCH, ndots: 5, effectivePolicy: 'ClusterFirst' });
    // Without hostNetwork, ClusterFirstWithHostNet is plain ClusterFirst.
    expect(confOf(pod('a', 'web', '  dnsPolicy: ClusterFirstWithHostNet\n'), 'web/a').nameservers).toEqual(['10.96.0.10']);
  });

  it('None: only what dnsConfig says; without an ndots option glibc uses 1', () => {
    const rc = confOf(pod('a', 'web', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [192.0.2.1]\n    searches: [ns1.svc.cluster-domain.example, my.dns.search.suffix]\n    options:\n      - name: ndots\n        value: "2"\n      - name: edns0\n'), 'web/a');
    expect(rc).toMatchObject({ nameservers: ['192.0.2.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], ndots: 2, options: ['ndots:2', 'edns0'], effectivePolicy: 'None' });
    expect(confOf(pod('a', 'web', '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [192.0.2.1]\n'), 'web/a').ndots).toBe(1);
  });
});

describe('dnsConfig merged as the kubelet does', () => {
  it('appends nameservers and searches without duplicates and lets the pod\'s options win by name', () => {
    const rc = confOf(pod('a', 'web', '  dnsConfig:\n    nameservers: [10.96.0.10, 192.0.2.53]\n    searches: [svc.cluster.local, corp.example]\n    options:\n      - name: ndots\n        value: "1"\n      - name: timeout\n        value: "2"\n'), 'web/a');
    expect(rc.nameservers).toEqual(['10.96.0.10', '192.0.2.53']);
    expect(rc.searches).toEqual([...CLUSTER_SEARCH, 'corp.example']);
    expect(rc.options).toEqual(['ndots:1', 'timeout:2']);
    expect(rc.ndots).toBe(1);
  });

  it('keeps the first 3 nameservers and 32 search domains, and says so', () => {
    const searches = Array.from({ length: 31 }, (_, i) => `s${i}.example`).join(', ');
    const rc = confOf(pod('a', 'web', `  dnsConfig:\n    nameservers: [192.0.2.1, 192.0.2.2, 192.0.2.3]\n    searches: [${searches}]\n`), 'web/a');
    expect(rc.nameservers).toEqual(['10.96.0.10', '192.0.2.1', '192.0.2.2']);
    expect(rc.searches).toHaveLength(32);
    expect(rc.searches.slice(0, 3)).toEqual(CLUSTER_SEARCH);
    expect(rc.searches[31]).toBe('s28.example');
    expect(rc.notes?.join(' ')).toMatch(/first 3 nameservers.*search list/);
  });

  it('caps ndots at 15 as glibc does', () => {
    expect(confOf(pod('a', 'web', '  dnsConfig:\n    options: [{name: ndots, value: "40"}]\n'), 'web/a').ndots).toBe(15);
  });
});

describe('a pasted CoreDNS Corefile', () => {
  const corefile = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        kubernetes corp.internal in-addr.arpa ip6.arpa {
           pods verified
           fallthrough in-addr.arpa ip6.arpa
           ttl 10
        }
        forward . /etc/resolv.conf
        cache 30
    }
---
${API_SERVICE}`;

  it('sets the cluster domain of every search list and name, and the record TTL', () => {
    const s = sim(corefile + pod('a', 'web'));
    expect(s.cluster.settings.clusterDomain).toBe('corp.internal');
    const a = lookup(s, 'web/a', 'api');
    expect(a.resolvConf.searches).toEqual(['web.svc.corp.internal', 'svc.corp.internal', 'corp.internal']);
    expect(a.answers).toEqual([{ name: 'api.web.svc.corp.internal.', type: 'A', data: expect.stringMatching(/^10\./), ttl: 10 }]);
    expect(lookup(s, 'web/a', 'api.web.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    // It is read, so no "kept but not simulated" note for it.
    expect(s.diagnostics.filter((d) => d.object === 'ConfigMap/kube-system/coredns')).toEqual([]);
  });

  it('pods verified answers only a real pod\'s address', () => {
    const s = sim(corefile + pod('a', 'web'));
    const ip = (findPod(s.cluster, 'web/a') as Pod).podIP as string;
    expect(lookup(s, 'web/a', `${ip.replace(/\./g, '-')}.web.pod.corp.internal.`).answers.map((r) => r.data)).toEqual([ip]);
    expect(lookup(s, 'web/a', '10-1-2-3.web.pod.corp.internal.').rcode).toBe('NXDOMAIN');
  });

  it('a Corefile without ttl gets the plugin default of 5 seconds and no pod records', () => {
    const plain = corefile.replace('           pods verified\n', '').replace('           ttl 10\n', '');
    const s = sim(plain + pod('a', 'web'));
    expect(lookup(s, 'web/a', 'api').answers[0].ttl).toBe(5);
    expect(lookup(s, 'web/a', '10-1-2-3.web.pod.corp.internal.').rcode).toBe('NXDOMAIN');
  });
});

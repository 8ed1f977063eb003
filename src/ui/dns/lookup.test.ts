import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate, type DnsAnswer } from '../../engine';
import { dnsPlayback, findPodByRef, resolvConfLines, upstreamNameProblem, whyManyQueries } from './lookup';

const threeTier = readFileSync(new URL('../../scenarios/three-tier.yaml', import.meta.url), 'utf8');
const { cluster } = simulate([{ name: 'manifests.yaml', text: threeTier }]);
const frontend = cluster.pods.find((p) => p.owner?.name === 'frontend')!;

const resolvConf = { nameservers: ['10.96.0.10'], searches: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 };
const backendIP = cluster.services.find((s) => s.name === 'backend-api')!.clusterIP!;

const oneQuery: DnsAnswer = {
  resolvConf,
  queries: [{ name: 'backend-api.shop.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answeredBy: 'CoreDNS' }],
  rcode: 'NOERROR',
  answers: [{ name: 'backend-api.shop.svc.cluster.local.', type: 'A', data: backendIP, ttl: 30 }],
};

const external: DnsAnswer = {
  resolvConf,
  queries: [
    { name: 'example.com.shop.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN' },
    { name: 'example.com.svc.cluster.local.', type: 'A', rcode: 'NXDOMAIN' },
    { name: 'example.com.cluster.local.', type: 'A', rcode: 'NXDOMAIN' },
    { name: 'example.com.', type: 'A', rcode: 'NOERROR', answeredBy: 'upstream' },
  ],
  rcode: 'NOERROR',
  answers: [{ name: 'example.com.', type: 'A', data: '93.184.215.14', ttl: 30 }],
};

describe('resolvConfLines', () => {
  it('writes search, nameserver and options lines as the kubelet does', () => {
    expect(resolvConfLines(resolvConf)).toEqual([
      'search shop.svc.cluster.local svc.cluster.local cluster.local',
      'nameserver 10.96.0.10',
      'options ndots:5',
    ]);
  });

  it("writes the file's own options, and no options line when it has none", () => {
    expect(resolvConfLines({ nameservers: ['1.1.1.1'], searches: [], ndots: 2, options: ['ndots:2', 'timeout:1'] })).toEqual([
      'nameserver 1.1.1.1',
      'options ndots:2 timeout:1',
    ]);
    expect(resolvConfLines({ nameservers: ['1.1.1.1'], searches: [], ndots: 1, options: [] })).toEqual(['nameserver 1.1.1.1']);
  });
});

describe('whyManyQueries', () => {
  it('says nothing when the lookup took one query', () => {
    expect(whyManyQueries('backend-api', oneQuery)).toBeNull();
  });

  it('blames ndots and offers the trailing dot for a short external name', () => {
    const why = whyManyQueries('example.com', external)!;
    expect(why).toMatch(/^4 queries because "example.com" has 1 dot, fewer than ndots:5/);
    expect(why).toContain('(example.com.)');
    expect(why).toContain('lower ndots');
  });

  it('explains a name with enough dots that still walked the search list', () => {
    const deep: DnsAnswer = { ...external, resolvConf: { ...resolvConf, ndots: 1 } };
    expect(whyManyQueries('example.com', deep)).toMatch(/name as written found nothing/);
  });
});

describe('dnsPlayback', () => {
  it('goes pod → kube-dns → a CoreDNS pod → back to the pod', () => {
    const path = dnsPlayback(cluster, frontend, 'example.com', external)!;
    const core = cluster.pods.find((p) => p.builtin && p.namespace === 'kube-system')!;
    expect(path.hops.map((h) => h.element)).toEqual([
      `pod-${frontend.key}`,
      'service-kube-system/kube-dns',
      expect.stringMatching(/^pod-kube-system\/coredns-/),
      `pod-${frontend.key}`,
    ]);
    expect(core).toBeDefined();
    expect(path.hops[1].dst).toMatch(/:53$/);
    expect(path.hops[2].caption).toContain('3 × NXDOMAIN, 1 × NOERROR');
    expect(path.hops[3].caption).toContain('93.184.215.14');
    expect(path.drop).toBeNull();
  });

  it('highlights the Service whose record answered', () => {
    const path = dnsPlayback(cluster, frontend, 'backend-api', oneQuery)!;
    const service = cluster.services.find((s) => s.name === 'backend-api')!;
    expect(path.highlights).toEqual([{ line: service.source!.line, endLine: service.source!.endLine }]);
  });

  it('has no path when the pod does not ask kube-dns', () => {
    expect(dnsPlayback(cluster, frontend, 'example.com', { ...external, resolvConf: { ...resolvConf, nameservers: ['8.8.8.8'] } })).toBeNull();
  });
});

describe('findPodByRef', () => {
  it('reads ns/pod, and a bare name in default, as the engine does', () => {
    expect(findPodByRef(cluster, frontend.key)).toBe(frontend);
    expect(findPodByRef(cluster, frontend.name)).toBeNull();
  });
});

describe('upstreamNameProblem', () => {
  it('takes a DNS name outside the cluster domain', () => {
    expect(upstreamNameProblem('api.example.org', 'cluster.local')).toBeNull();
  });

  it('refuses names CoreDNS answers itself, and malformed names', () => {
    expect(upstreamNameProblem('db.shop.svc.cluster.local', 'cluster.local')).toMatch(/answered by CoreDNS/);
    expect(upstreamNameProblem('bad_name.com', 'cluster.local')).toMatch(/not a DNS name/);
    expect(upstreamNameProblem('', 'cluster.local')).toMatch(/Give a name/);
  });
});

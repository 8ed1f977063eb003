import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dns } from './dns';
import { API_SERVICE, lookup, pod, sim, walk } from './testing';
import { simulate } from '../simulate';
import type { Pod } from '../types';

const threeTierText = readFileSync(fileURLToPath(new URL('../../scenarios/three-tier.yaml', import.meta.url)), 'utf8');
// The seed plus a client in default, to ask from another namespace.
const shop = simulate([{ name: 'three-tier.yaml', text: threeTierText }, { name: 'client.yaml', text: pod('client', 'default') }]);
const FRONTEND = 'shop/deploy/frontend';
const podIP = (key: string) => (shop.cluster.pods.find((p) => p.key === key) as Pod).podIP as string;
const service = (key: string) => shop.cluster.services.find((s) => s.key === key)!;

describe('the resolver\'s walk (glibc, ndots 5)', () => {
  it('a short name: the first search domain answers', () => {
    const a = lookup(shop, FRONTEND, 'backend-api');
    expect(walk(a)).toEqual(['backend-api.shop.svc.cluster.local. NOERROR']);
    expect(a.rcode).toBe('NOERROR');
    expect(a.answers).toEqual([{ name: 'backend-api.shop.svc.cluster.local.', type: 'A', data: service('shop/backend-api').clusterIP, ttl: 30 }]);
    expect(a.queries[0].answeredBy).toBe('CoreDNS');
  });

  it('a name that exists nowhere: every search domain, then the name itself, all NXDOMAIN', () => {
    const a = lookup(shop, FRONTEND, 'cart');
    expect(walk(a)).toEqual(['cart.shop.svc.cluster.local. NXDOMAIN', 'cart.svc.cluster.local. NXDOMAIN', 'cart.cluster.local. NXDOMAIN', 'cart. NXDOMAIN']);
    expect(a.rcode).toBe('NXDOMAIN');
    expect(a.answers).toEqual([]);
    expect(a.queries.map((q) => q.answeredBy)).toEqual(['CoreDNS', 'CoreDNS', 'CoreDNS', 'upstream']);
  });

  it('a namespace-qualified name from another namespace: one wasted query first', () => {
    expect(walk(lookup(shop, 'client', 'backend-api.shop'))).toEqual(['backend-api.shop.default.svc.cluster.local. NXDOMAIN', 'backend-api.shop.svc.cluster.local. NOERROR']);
  });

  it('a fully qualified name without the final dot (4 dots < 5): three NXDOMAINs before the name itself', () => {
    expect(walk(lookup(shop, FRONTEND, 'backend-api.shop.svc.cluster.local'))).toEqual([
      'backend-api.shop.svc.cluster.local.shop.svc.cluster.local. NXDOMAIN',
      'backend-api.shop.svc.cluster.local.svc.cluster.local. NXDOMAIN',
      'backend-api.shop.svc.cluster.local.cluster.local. NXDOMAIN',
      'backend-api.shop.svc.cluster.local. NOERROR',
    ]);
  });

  it('a trailing dot: exactly one query, whatever the answer', () => {
    expect(walk(lookup(shop, FRONTEND, 'backend-api.shop.svc.cluster.local.'))).toEqual(['backend-api.shop.svc.cluster.local. NOERROR']);
    expect(walk(lookup(shop, FRONTEND, 'cart.'))).toEqual(['cart. NXDOMAIN']);
  });

  it('an external name: three search queries to CoreDNS, then the upstream answers', () => {
    const a = lookup(shop, FRONTEND, 'example.com');
    expect(walk(a)).toEqual(['example.com.shop.svc.cluster.local. NXDOMAIN', 'example.com.svc.cluster.local. NXDOMAIN', 'example.com.cluster.local. NXDOMAIN', 'example.com. NOERROR']);
    expect(a.queries[3].answeredBy).toBe('upstream');
    expect(a.answers).toEqual([{ name: 'example.com.', type: 'A', data: '93.184.215.14', ttl: 300 }]);
  });

  it('a name with at least ndots dots goes as is first', () => {
    const s = simulate([{ name: 'a.yaml', text: pod('a', 'web') }], { upstreamHosts: { 'api.eu.prod.corp.example.com': '198.51.100.7' } });
    expect(walk(lookup(s, 'web/a', 'api.eu.prod.corp.example.com'))).toEqual(['api.eu.prod.corp.example.com. NOERROR']);
    // ... and when it fails there, the search list still follows (5+ dots, no trailing dot).
    expect(walk(lookup(s, 'web/a', 'x.eu.prod.corp.example.com'))).toEqual([
      'x.eu.prod.corp.example.com. NXDOMAIN', 'x.eu.prod.corp.example.com.web.svc.cluster.local. NXDOMAIN',
      'x.eu.prod.corp.example.com.svc.cluster.local. NXDOMAIN', 'x.eu.prod.corp.example.com.cluster.local. NXDOMAIN',
    ]);
  });

  it('ndots:1 from dnsConfig sends a dotted name as is first, a single label through the search list', () => {
    const s = sim(pod('a', 'web', '  dnsConfig:\n    options: [{name: ndots, value: "1"}]\n') + API_SERVICE);
    expect(walk(lookup(s, 'web/a', 'example.com'))).toEqual(['example.com. NOERROR']);
    expect(walk(lookup(s, 'web/a', 'api'))).toEqual(['api.web.svc.cluster.local. NOERROR']);
    // A namespace-qualified name now goes out first and comes back.
    expect(walk(lookup(s, 'web/a', 'api.web'))).toEqual(['api.web. NXDOMAIN', 'api.web.web.svc.cluster.local. NXDOMAIN', 'api.web.svc.cluster.local. NOERROR']);
  });

  it('an empty NOERROR (a namespace name) does not stop the walk', () => {
    const a = lookup(shop, FRONTEND, 'shop');
    expect(walk(a)).toEqual(['shop.shop.svc.cluster.local. NXDOMAIN', 'shop.svc.cluster.local. NOERROR', 'shop.cluster.local. NXDOMAIN', 'shop. NXDOMAIN']);
    expect(a.queries[1].records).toBe(0);
    expect(a.rcode).toBe('NXDOMAIN');
  });

  it('a pod with dnsPolicy Default asks the node\'s resolver, which knows no cluster names', () => {
    const s = simulate([{ name: 't.yaml', text: threeTierText }, { name: 'd.yaml', text: pod('d', 'shop', '  dnsPolicy: Default\n') }]);
    const a = lookup(s, 'shop/d', 'backend-api.shop.svc.cluster.local');
    expect(walk(a)).toEqual(['backend-api.shop.svc.cluster.local. NXDOMAIN']);
    expect(a.queries[0]).toMatchObject({ answeredBy: 'upstream', server: '172.18.0.1' });
    expect(lookup(s, 'shop/d', 'example.com').answers[0].data).toBe('93.184.215.14');
  });
});

describe('CoreDNS records', () => {
  it('AAAA for an IPv4 Service is an empty NOERROR, and the walk goes on', () => {
    const a = lookup(shop, FRONTEND, 'backend-api', 'AAAA');
    expect(a.queries[0]).toMatchObject({ name: 'backend-api.shop.svc.cluster.local.', rcode: 'NOERROR', records: 0 });
    expect(a.queries).toHaveLength(4);
    expect(a.answers).toEqual([]);
  });

  it('a headless Service answers with its ready pods\' IPs, sorted', () => {
    const a = lookup(shop, FRONTEND, 'database');
    expect(a.answers.map((r) => r.data)).toEqual([podIP('shop/database-0'), podIP('shop/database-1')].sort());
    expect(a.answers.every((r) => r.type === 'A' && r.name === 'database.shop.svc.cluster.local.')).toBe(true);
  });

  it('StatefulSet pods get hostname.subdomain names', () => {
    const a = lookup(shop, FRONTEND, 'database-1.database');
    expect(walk(a)).toEqual(['database-1.database.shop.svc.cluster.local. NOERROR']);
    expect(a.answers.map((r) => r.data)).toEqual([podIP('shop/database-1')]);
    expect(lookup(shop, FRONTEND, 'database-7.database').rcode).toBe('NXDOMAIN');
  });

  it('a bare Pod with hostname and subdomain gets a name once a Service of that name selects it', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: busybox-subdomain, namespace: web}
spec: {clusterIP: None, selector: {name: busybox}, ports: [{name: foo, port: 1234}]}
---
apiVersion: v1
kind: Pod
metadata: {name: busybox1, namespace: web, labels: {name: busybox}}
spec: {hostname: busybox-1, subdomain: busybox-subdomain, containers: [{name: c}]}
---
${pod('a', 'web')}`;
    const s = sim(text);
    const ip = s.cluster.pods.find((p) => p.name === 'busybox1')!.podIP;
    expect(lookup(s, 'web/a', 'busybox-1.busybox-subdomain').answers.map((r) => r.data)).toEqual([ip]);
    // The same pod under another subdomain has no such name.
    const other = sim(text.replace('subdomain: busybox-subdomain', 'subdomain: elsewhere'));
    expect(lookup(other, 'web/a', 'busybox-1.busybox-subdomain.web.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('SRV for named ports: the ClusterIP Service\'s name, and one per endpoint of a headless Service', () => {
    const api = lookup(shop, FRONTEND, '_http._tcp.backend-api', 'SRV');
    expect(api.answers).toEqual([{ name: '_http._tcp.backend-api.shop.svc.cluster.local.', type: 'SRV', data: '0 100 80 backend-api.shop.svc.cluster.local.', ttl: 30 }]);
    const db = lookup(shop, FRONTEND, '_postgres._tcp.database.shop.svc.cluster.local.', 'SRV');
    expect(db.answers.map((r) => r.data)).toEqual(['0 50 5432 database-0.database.shop.svc.cluster.local.', '0 50 5432 database-1.database.shop.svc.cluster.local.']);
    expect(lookup(shop, FRONTEND, '_http._udp.backend-api.shop.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
  });

  it('pod records a-b-c-d.<ns>.pod.<domain> (kubeadm: pods insecure)', () => {
    const ip = podIP('shop/database-0');
    const a = lookup(shop, FRONTEND, `${ip.replace(/\./g, '-')}.shop.pod.cluster.local.`);
    expect(a.answers).toEqual([{ name: `${ip.replace(/\./g, '-')}.shop.pod.cluster.local.`, type: 'A', data: ip, ttl: 30 }]);
    expect(lookup(shop, FRONTEND, '10-244-9-9.nowhere.pod.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('NXDOMAIN for names that do not exist, an empty NOERROR where the name exists without records', () => {
    expect(lookup(shop, FRONTEND, 'x.nowhere.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(lookup(shop, FRONTEND, 'nope.shop.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(lookup(shop, FRONTEND, 'a.b.c.backend-api.shop.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    for (const name of ['shop.svc.cluster.local.', 'svc.cluster.local.', 'cluster.local.']) {
      const a = lookup(shop, FRONTEND, name);
      expect([a.rcode, a.answers.length]).toEqual(['NOERROR', 0]);
    }
  });

  it('a headless Service lists only ready endpoints, all of them with publishNotReadyAddresses', () => {
    const text = (publish: boolean) => `apiVersion: v1
kind: Service
metadata: {name: db, namespace: web}
spec: {clusterIP: None, publishNotReadyAddresses: ${publish}, selector: {app: db}, ports: [{name: pg, port: 5432}]}
---
apiVersion: v1
kind: Pod
metadata: {name: ready, namespace: web, labels: {app: db}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: starting, namespace: web, labels: {app: db}}
spec: {containers: [{name: c}]}
status: {conditions: [{type: Ready, status: "False"}]}
---
${pod('a', 'web')}`;
    expect(lookup(sim(text(false)), 'web/a', 'db').answers).toHaveLength(1);
    expect(lookup(sim(text(true)), 'web/a', 'db').answers).toHaveLength(2);
    const none = sim(text(false).replace('status: {conditions: [{type: Ready, status: "False"}]}', '').replace('name: ready,', 'name: ready2,').replace(/labels: \{app: db\}/g, 'labels: {app: other}'));
    expect(lookup(none, 'web/a', 'db.web.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('ExternalName: the CNAME first, then the target\'s address where the upstream knows it', () => {
    const ext = `apiVersion: v1
kind: Service
metadata: {name: billing, namespace: web}
spec: {type: ExternalName, externalName: db.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: legacy, namespace: web}
spec: {type: ExternalName, externalName: old.unknown.test.}
---
apiVersion: v1
kind: Service
metadata: {name: alias, namespace: web}
spec: {type: ExternalName, externalName: api.web.svc.cluster.local}
---
apiVersion: v1
kind: Service
metadata: {name: by-ip, namespace: web}
spec: {type: ExternalName, externalName: 203.0.113.9}
---
${API_SERVICE}${pod('a', 'web')}`;
    const s = sim(ext);
    expect(lookup(s, 'web/a', 'billing').answers).toEqual([
      { name: 'billing.web.svc.cluster.local.', type: 'CNAME', data: 'db.example.com.', ttl: 30 },
      { name: 'db.example.com.', type: 'A', data: '203.0.113.50', ttl: 300 },
    ]);
    // An unknown target: the CNAME alone, and it is an answer (the walk stops).
    const legacy = lookup(s, 'web/a', 'legacy');
    expect(legacy.answers).toEqual([{ name: 'legacy.web.svc.cluster.local.', type: 'CNAME', data: 'old.unknown.test.', ttl: 30 }]);
    expect(legacy.queries).toHaveLength(1);
    // A target inside the cluster is followed by CoreDNS itself.
    const alias = lookup(s, 'web/a', 'alias');
    expect(alias.answers.map((r) => `${r.type} ${r.data}`)).toEqual(['CNAME api.web.svc.cluster.local.', `A ${s.cluster.services.find((x) => x.name === 'api')!.clusterIP}`]);
    expect(lookup(s, 'web/a', 'billing', 'CNAME').answers.map((r) => r.data)).toEqual(['db.example.com.']);
    // An IP address is no CNAME target: CoreDNS has no record for the name at all.
    expect(lookup(s, 'web/a', 'by-ip.web.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    // SRV is not served for ExternalName: an empty NOERROR.
    const srv = lookup(s, 'web/a', 'billing.web.svc.cluster.local.', 'SRV');
    expect([srv.rcode, srv.answers.length]).toEqual(['NOERROR', 0]);
  });

  it('PTR for a ClusterIP, for a pod behind a Service, and NXDOMAIN for an unknown address', () => {
    const clusterIP = service('shop/backend-api').clusterIP as string;
    const a = lookup(shop, FRONTEND, clusterIP, 'PTR');
    expect(walk(a)).toEqual([`${clusterIP.split('.').reverse().join('.')}.in-addr.arpa. NOERROR`]);
    expect(a.answers.map((r) => r.data)).toEqual(['backend-api.shop.svc.cluster.local.']);
    const dbIP = podIP('shop/database-0');
    expect(lookup(shop, FRONTEND, `${dbIP.split('.').reverse().join('.')}.in-addr.arpa`, 'PTR').answers.map((r) => r.data)).toEqual(['database-0.database.shop.svc.cluster.local.']);
    const backendPod = shop.cluster.pods.find((p) => p.labels.app === 'backend')!;
    expect(lookup(shop, FRONTEND, backendPod.podIP!, 'PTR').answers.map((r) => r.data)).toEqual([`${backendPod.podIP!.replace(/\./g, '-')}.backend-api.shop.svc.cluster.local.`]);
    const unknown = lookup(shop, FRONTEND, '192.0.2.99', 'PTR');
    expect([unknown.rcode, unknown.queries[0].answeredBy]).toEqual(['NXDOMAIN', 'upstream']);
    expect(lookup(shop, FRONTEND, '203.0.113.50', 'PTR').answers.map((r) => r.data)).toEqual(['db.example.com.']);
  });

  it('the kubernetes Service answers from every namespace by its qualified name', () => {
    expect(lookup(shop, FRONTEND, 'kubernetes.default').answers.map((r) => r.data)).toEqual(['10.96.0.1']);
  });
});

describe('the dns question', () => {
  it('refuses what is not a question', () => {
    expect(dns(shop, { from: 'nope', name: 'x' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(dns(shop, { from: FRONTEND, name: '' })).toMatchObject({ error: { code: 'BAD_ARGUMENT' } });
    expect(dns(shop, { from: FRONTEND, name: 'a..b' })).toMatchObject({ error: { code: 'BAD_ARGUMENT' } });
    expect(dns(shop, { from: FRONTEND, name: 'x', type: 'MX' as never })).toMatchObject({ error: { code: 'BAD_ARGUMENT' } });
  });

  it('is the same answer every time', () => {
    expect(lookup(shop, FRONTEND, 'database')).toEqual(lookup(shop, FRONTEND, 'database'));
  });
});

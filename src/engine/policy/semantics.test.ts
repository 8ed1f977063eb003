// The rules of NetworkPolicy, one by one, on a small world of bare pods in three namespaces.
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { isQuestionError } from '../model/refs';
import { reach } from './reach';
import type { ClusterSettings, Protocol } from '../types';

const WORLD = `
apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {team: web}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ops}
---
apiVersion: v1
kind: Pod
metadata: {name: server, namespace: web, labels: {app: server, tier: api}}
spec:
  containers:
    - name: c
      ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 5353, protocol: UDP}, {name: sig, containerPort: 3868, protocol: SCTP}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: web, labels: {app: client, env: prod}}
spec: {containers: [{name: c, ports: [{name: http, containerPort: 9000}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: ops, labels: {app: client}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other, namespace: ops, labels: {app: other, env: dev}}
spec: {containers: [{name: c}]}
`;

function world(policies: string, settings?: Partial<ClusterSettings>) {
  const sim = simulate([{ name: 'world.yaml', text: WORLD }, { name: 'policies.yaml', text: policies }], settings);
  return (from: string, to: string, port: number | string = 8080, protocol?: Protocol) => {
    const a = reach(sim, { from, to, port, protocol });
    if (isQuestionError(a)) throw new Error(a.error.message);
    return a;
  };
}

const policy = (spec: string, name = 'p', namespace = 'web') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}`;

/** An ingress policy on web/server admitting `from` peers on all ports. */
const serverFrom = (peers: string) => policy(`  podSelector: {matchLabels: {app: server}}\n  ingress:\n    - from:\n${peers}`);

describe('policyTypes defaulting', () => {
  it('no policyTypes and only egress rules also isolates ingress (Ingress is always defaulted in)', () => {
    const r = world(policy('  podSelector: {matchLabels: {app: server}}\n  egress: [{}]'));
    expect(r('web/client', 'web/server').allowed).toBe(false);
    expect(r('web/server', 'ops/other', 80).allowed).toBe(true);
  });

  it('egress: [] is no egress rule at all, so egress stays open', () => {
    const r = world(policy('  podSelector: {matchLabels: {app: client}}\n  egress: []'));
    expect(r('web/client', 'web/server').egress.isolated).toBe(false);
    expect(r('ops/client', 'web/client', 9000).allowed).toBe(false);
  });

  it('policyTypes [Egress] ignores ingress rules, leaving ingress open', () => {
    const r = world(policy('  podSelector: {matchLabels: {app: server}}\n  policyTypes: [Egress]\n  ingress: [{}]'));
    expect(r('web/client', 'web/server').allowed).toBe(true);
    expect(r('web/server', 'web/client', 9000).allowed).toBe(false);
  });

  it('rules of several policies add up; one allowing is enough', () => {
    const r = world(`${serverFrom('        - podSelector: {matchLabels: {app: client}}')}\n---\n${policy('  podSelector: {}\n  policyTypes: [Ingress]', 'deny')}`);
    const a = r('web/client', 'web/server');
    expect(a.allowed).toBe(true);
    expect(a.ingress.policies).toEqual(['web/p']);
    expect(a.ingress.selecting.map((s) => s.policy)).toEqual(['web/deny', 'web/p']);
  });
});

describe('peers', () => {
  it('a lone podSelector means the policy\'s own namespace', () => {
    const r = world(serverFrom('        - podSelector: {matchLabels: {app: client}}'));
    expect(r('web/client', 'web/server').allowed).toBe(true);
    expect(r('ops/client', 'web/server').allowed).toBe(false);
  });

  it('a lone namespaceSelector admits every pod of the namespaces it matches', () => {
    const r = world(serverFrom('        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}'));
    expect(r('ops/client', 'web/server').allowed).toBe(true);
    expect(r('ops/other', 'web/server').allowed).toBe(true);
    expect(r('web/client', 'web/server').allowed).toBe(false);
    expect(r('ip:203.0.113.10', 'web/server').allowed).toBe(false);
  });

  it('namespaceSelector and podSelector in one peer are AND\'ed; as two items they are OR\'ed', () => {
    const and = world(serverFrom('        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}\n          podSelector: {matchLabels: {app: client}}'));
    expect(and('ops/client', 'web/server').allowed).toBe(true);
    expect(and('ops/other', 'web/server').allowed).toBe(false);
    expect(and('web/client', 'web/server').allowed).toBe(false);
    const or = world(serverFrom('        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ops}}\n        - podSelector: {matchLabels: {app: client}}'));
    expect(or('ops/other', 'web/server').allowed).toBe(true);
    expect(or('web/client', 'web/server').allowed).toBe(true);
  });

  it('empty selectors: namespaceSelector {} is every pod but no outside address; no from at all is everyone', () => {
    const pods = world(serverFrom('        - namespaceSelector: {}'));
    expect(pods('ops/other', 'web/server').allowed).toBe(true);
    expect(pods('ip:203.0.113.10', 'web/server').allowed).toBe(false);
    const everyone = world(policy('  podSelector: {matchLabels: {app: server}}\n  ingress: [{}]'));
    expect(everyone('ip:203.0.113.10', 'web/server').allowed).toBe(true);
  });

  it.each([
    ['In', '{key: env, operator: In, values: [prod, dev]}', { 'web/client': true, 'ops/other': true, 'ops/client': false }],
    ['NotIn (matches pods without the key)', '{key: env, operator: NotIn, values: [prod]}', { 'web/client': false, 'ops/other': true, 'ops/client': true }],
    ['Exists', '{key: env, operator: Exists}', { 'web/client': true, 'ops/other': true, 'ops/client': false }],
    ['DoesNotExist', '{key: env, operator: DoesNotExist}', { 'web/client': false, 'ops/other': false, 'ops/client': true }],
  ])('matchExpressions %s', (_name, expression, expected) => {
    const r = world(serverFrom(`        - namespaceSelector: {}\n          podSelector: {matchExpressions: [${expression}]}`));
    for (const [from, allowed] of Object.entries(expected)) expect(r(from, 'web/server').allowed, from).toBe(allowed);
  });

  it('namespaceSelector matchExpressions see namespace labels, including the automatic name label', () => {
    const r = world(serverFrom('        - namespaceSelector: {matchExpressions: [{key: team, operator: DoesNotExist}]}'));
    expect(r('ops/client', 'web/server').allowed).toBe(true);
    expect(r('web/client', 'web/server').allowed).toBe(false);
  });
});

describe('ipBlock', () => {
  const blocks = serverFrom('        - ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.128/25]}\n        - ipBlock: {cidr: 10.244.0.0/16}');

  it('admits addresses in cidr minus except', () => {
    const r = world(blocks);
    expect(r('ip:203.0.113.10', 'web/server').allowed).toBe(true);
    expect(r('ip:203.0.113.200', 'web/server').allowed).toBe(false);
    expect(r('ip:198.51.100.1', 'web/server').allowed).toBe(false);
  });

  it('matches pod IPs under Calico but not under Cilium, and says the verdict is plugin-specific', () => {
    const calico = world(blocks)('ops/other', 'web/server');
    expect(calico).toMatchObject({ allowed: true, pluginSpecific: 'ipBlock-pod-ip' });
    expect(calico.reason).toMatch(/plugin-specific: Calico matches pod IPs/);
    const cilium = world(blocks, { networkPlugin: 'cilium' })('ops/other', 'web/server');
    expect(cilium).toMatchObject({ allowed: false, pluginSpecific: 'ipBlock-pod-ip' });
    expect(cilium.reason).toMatch(/plugin-specific: Cilium does not match pod IPs/);
  });

  it('an egress ipBlock limits where a pod may go outside the cluster', () => {
    const r = world(policy('  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ipBlock: {cidr: 93.184.215.0/24}}]\n      ports: [{port: 443}]'));
    expect(r('web/client', 'ip:93.184.215.14', 443).allowed).toBe(true);
    expect(r('web/client', 'ip:140.82.112.6', 443).allowed).toBe(false);
    expect(r('web/client', 'ip:93.184.215.14', 80).allowed).toBe(false);
  });
});

describe('ports and protocols', () => {
  const on = (ports: string) => world(policy(`  podSelector: {matchLabels: {app: server}}\n  ingress:\n    - ports: ${ports}`));

  it('a port without protocol is TCP only', () => {
    const r = on('[{port: 5353}]');
    expect(r('web/client', 'web/server', 5353, 'TCP').allowed).toBe(true);
    expect(r('web/client', 'web/server', 5353, 'UDP').allowed).toBe(false);
  });

  it('endPort makes an inclusive range', () => {
    const r = on('[{port: 8000, endPort: 8080}]');
    expect(r('web/client', 'web/server', 8000).allowed).toBe(true);
    expect(r('web/client', 'web/server', 8080).allowed).toBe(true);
    expect(r('web/client', 'web/server', 8081).allowed).toBe(false);
  });

  it('SCTP is its own protocol and a protocol alone means all its ports', () => {
    const r = on('[{protocol: SCTP}]');
    expect(r('web/client', 'web/server', 3868, 'SCTP').allowed).toBe(true);
    expect(r('web/client', 'web/server', 3868, 'TCP').allowed).toBe(false);
  });

  it('a named port resolves on the receiving pod, by name and protocol', () => {
    const r = on('[{port: dns, protocol: UDP}]');
    expect(r('web/client', 'web/server', 5353, 'UDP').allowed).toBe(true);
    expect(r('web/client', 'web/server', 'dns').allowed).toBe(true);
    expect(world(policy('  podSelector: {matchLabels: {app: server}}\n  ingress:\n    - ports: [{port: dns}]'))('web/client', 'web/server', 5353, 'UDP').allowed).toBe(false);
  });

  it('an egress named port resolves on each destination pod', () => {
    const r = world(policy('  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]\n  egress:\n    - ports: [{port: http}]'));
    expect(r('web/client', 'web/server', 8080).allowed).toBe(true);
    expect(r('web/client', 'web/server', 9000).allowed).toBe(false);
    expect(r('web/client', 'ip:93.184.215.14', 8080).allowed).toBe(false);
  });
});

describe('network plugins', () => {
  it('flannel does not enforce: allowed, enforced false, the selecting policies listed', () => {
    const r = world(policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]', 'deny'), { networkPlugin: 'flannel' });
    const a = r('web/client', 'web/server');
    expect(a).toMatchObject({ allowed: true, egress: { allowed: true, enforced: false, policies: ['web/deny'] }, ingress: { allowed: true, enforced: false, policies: ['web/deny'] } });
    expect(a.reason).toMatch(/flannel network plugin does not enforce/);
  });
});

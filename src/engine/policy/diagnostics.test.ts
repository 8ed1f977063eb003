// KN7xxx: what the API server refuses in a NetworkPolicy and what a reviewer flags.
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import type { ClusterSettings, Diagnostic } from '../types';

const PODS = `
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}, {name: stats, containerPort: 9125, protocol: UDP}]}]}
`;

function findings(policy: string, settings?: Partial<ClusterSettings>): Diagnostic[] {
  const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n${policy}`;
  return simulate([{ name: 'pods.yaml', text: PODS }, { name: 'policy.yaml', text }], settings).diagnostics.filter((d) => d.code.startsWith('KN7'));
}

/** [code, line in policy.yaml] of every KN7xxx finding. */
const where = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.line]).sort();

describe('API-server errors', () => {
  it.each([
    ['policyTypes value', '  podSelector: {}\n  policyTypes: [Ingres]', [['KN7001', 6]]],
    ['endPort below port', '  podSelector: {}\n  ingress:\n    - ports: [{port: 90, endPort: 80}]', [['KN7002', 7]]],
    ['endPort without port', '  podSelector: {}\n  ingress:\n    - ports: [{endPort: 80}]', [['KN7002', 7]]],
    ['endPort after a named port', '  podSelector: {}\n  ingress:\n    - ports: [{port: http, endPort: 80}]', [['KN7002', 7]]],
    ['cidr not a CIDR', '  podSelector: {}\n  ingress:\n    - from: [{ipBlock: {cidr: 10.0.0.300/8}}]', [['KN7003', 7]]],
    ['except outside cidr', '  podSelector: {}\n  ingress:\n    - from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}}]', [['KN7004', 7]]],
    ['except equal to cidr', '  podSelector: {}\n  ingress:\n    - from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/16]}}]', [['KN7004', 7]]],
    ['empty peer', '  podSelector: {}\n  ingress:\n    - from: [{}]', [['KN7005', 7]]],
    ['ipBlock with a selector', '  podSelector: {}\n  ingress:\n    - from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]', [['KN7005', 7]]],
    ['protocol', '  podSelector: {}\n  ingress:\n    - ports: [{port: 80, protocol: ICMP}]', [['KN7006', 7]]],
    ['In without values', '  podSelector: {matchExpressions: [{key: app, operator: In}]}', [['KN7007', 5], ['KN7009', 5]]],
    ['Exists with values', '  podSelector: {matchExpressions: [{key: app, operator: Exists, values: [web]}]}', [['KN7007', 5]]],
  ])('%s', (_name, policy, expected) => {
    const ds = findings(policy as string);
    expect(where(ds)).toEqual(expected);
    for (const d of ds) expect(d.message).toMatch(/\.$/);
  });

  it('accepts a correct policy without a word', () => {
    expect(findings('  podSelector: {matchLabels: {app: web}}\n  ingress:\n    - from: [{ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.0/28]}}]\n      ports: [{port: 8000, endPort: 8080}, {port: http}]')).toEqual([]);
  });
});

describe('reviewer warnings', () => {
  it('a policy that selects no pod', () => {
    const [d] = findings('  podSelector: {matchLabels: {app: wbe}}');
    expect([d.code, d.severity, d.line]).toEqual(['KN7009', 'warning', 5]);
    expect(d.message).toMatch(/selects no pod in namespace shop/);
  });

  it('a namespaceSelector that no namespace matches', () => {
    expect(where(findings('  podSelector: {}\n  ingress:\n    - from: [{namespaceSelector: {matchLabels: {team: nobody}}}]'))).toEqual([['KN7010', 7]]);
  });

  it('a named port that no selected container has, or has under another protocol', () => {
    expect(findings('  podSelector: {}\n  ingress:\n    - ports: [{port: metrics}]')[0].message).toMatch(/port named "metrics"/);
    expect(findings('  podSelector: {}\n  ingress:\n    - ports: [{port: stats}]')[0].message).toMatch(/only as UDP.*protocol: UDP/);
    expect(findings('  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ipBlock: {cidr: 203.0.113.0/24}}]\n      ports: [{port: http}]').map((d) => d.code)).toContain('KN7011');
  });

  it('default-deny egress leaves DNS blocked, and the DNS rule clears it', () => {
    const [d] = findings('  podSelector: {}\n  policyTypes: [Egress]');
    expect([d.code, d.line]).toEqual(['KN7008', 6]);
    expect(d.message).toMatch(/shop\/web .*UDP 53.*kube-dns/);
    const dnsRule = '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]\n      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]';
    expect(findings(dnsRule)).toEqual([]);
  });

  it('policies under a plugin that does not enforce them', () => {
    const ds = findings('  podSelector: {}', { networkPlugin: 'flannel' });
    expect(ds.map((d) => d.code)).toEqual(['KN7012']);
    expect(findings('  podSelector: {}', { networkPlugin: 'cilium' })).toEqual([]);
  });

  it('the dash pitfall, as information', () => {
    const ds = findings('  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}\n        - podSelector: {matchLabels: {app: web}}');
    expect(ds.map((d) => [d.code, d.severity, d.line])).toEqual([['KN7013', 'info', 9]]);
    expect(ds[0].message).toMatch(/OR'ed.*one item/);
  });

  it('an ipBlock that also covers pod addresses (plugin-specific), as information', () => {
    const [d] = findings('  podSelector: {}\n  ingress:\n    - from: [{ipBlock: {cidr: 10.244.0.0/16}}]');
    expect([d.code, d.severity]).toEqual(['KN7015', 'info']);
    expect(d.message).toMatch(/shop\/web at 10\.244\..*Calico.*Cilium/);
    expect(findings('  podSelector: {}\n  ingress:\n    - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]')).toEqual([]);
  });

  it('rules that policyTypes leaves out', () => {
    expect(where(findings('  podSelector: {}\n  policyTypes: [Egress]\n  ingress: [{}]\n  egress: [{}]'))).toEqual([['KN7014', 7]]);
  });
});

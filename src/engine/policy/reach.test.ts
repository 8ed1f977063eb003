import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ask, BACKEND, CHAIN, codes, coreDns, DATABASE, DENY_ALL, DNS_EGRESS, FRONTEND, withPolicies } from './testing';
import { connectionVerdict, reach } from './reach';

const threeTier = readFileSync(fileURLToPath(new URL('../../scenarios/three-tier.yaml', import.meta.url)), 'utf8');
const shop = (policies: string, settings?: Parameters<typeof withPolicies>[2]) => withPolicies(threeTier, policies, settings);

describe('reach: isolation and the two sides', () => {
  it('allows everything when no policy selects either pod', () => {
    const a = ask(shop(''), FRONTEND, DATABASE, 5432);
    expect(a).toMatchObject({ allowed: true, egress: { allowed: true, enforced: true, policies: [], isolated: false }, ingress: { allowed: true, policies: [], isolated: false } });
    expect(a.reason).toMatch(/No NetworkPolicy isolates/);
  });

  it('default-deny ingress blocks the destination side only', () => {
    const sim = shop(DENY_ALL.replace('[Ingress, Egress]', '[Ingress]'));
    const a = ask(sim, FRONTEND, BACKEND, 8080);
    expect(a.allowed).toBe(false);
    expect(a.egress).toMatchObject({ allowed: true, isolated: false });
    expect(a.ingress).toMatchObject({ allowed: false, isolated: true, policies: ['shop/default-deny'] });
    expect(a.reason).toMatch(/isolated for ingress by shop\/default-deny/);
    // A client outside the cluster is judged on ingress alone.
    expect(ask(sim, 'ip:203.0.113.10', FRONTEND, 80).allowed).toBe(false);
  });

  it('default-deny egress blocks the source side, DNS included, and says so in validate', () => {
    const sim = shop(DENY_ALL.replace('[Ingress, Egress]', '[Egress]'));
    const a = ask(sim, FRONTEND, BACKEND, 8080);
    expect(a).toMatchObject({ allowed: false, egress: { allowed: false, isolated: true }, ingress: { allowed: true, isolated: false } });
    expect(ask(sim, FRONTEND, coreDns(sim), 53, 'UDP').allowed).toBe(false);
    expect(ask(sim, FRONTEND, 'ip:93.184.215.14', 443).egress.allowed).toBe(false);
    expect(codes(sim)).toContain('KN7008');
  });

  it('lets a pod always reach itself, but not its own Service under Calico (hairpin is plugin-specific)', () => {
    const sim = shop(DENY_ALL);
    expect(ask(sim, BACKEND, BACKEND, 8080).allowed).toBe(true);
    const backendIp = sim.cluster.services.find((s) => s.key === 'shop/backend-api')!.clusterIP!;
    const pod = sim.cluster.pods.find((p) => p.labels.app === 'backend')!;
    const viaService = connectionVerdict(sim.cluster, { pod }, { pod }, 8080, 'TCP', { viaService: 'shop/backend-api' });
    expect(viaService).toMatchObject({ allowed: false, pluginSpecific: 'hairpin' });
    expect(viaService.reason).toMatch(/plugin-specific/);
    const cilium = shop(DENY_ALL, { networkPlugin: 'cilium' });
    const ciliumPod = cilium.cluster.pods.find((p) => p.key === pod.key)!;
    expect(connectionVerdict(cilium.cluster, { pod: ciliumPod }, { pod: ciliumPod }, 8080, 'TCP', { viaService: 'shop/backend-api' })).toMatchObject({ allowed: true, pluginSpecific: 'hairpin' });
    expect(backendIp).toMatch(/^10\./);
  });

  it('always admits the pod\'s own node (kubelet probes), not another node', () => {
    const sim = shop(DENY_ALL);
    const pod = sim.cluster.pods.find((p) => p.labels.app === 'database')!;
    const own = sim.cluster.nodes.find((n) => n.name === pod.nodeName)!;
    const other = sim.cluster.nodes.find((n) => n.name !== pod.nodeName)!;
    expect(ask(sim, `ip:${own.internalIP}`, pod.key, 5432).allowed).toBe(true);
    expect(ask(sim, `ip:${other.internalIP}`, pod.key, 5432).allowed).toBe(false);
  });
});

describe('reach: the three-tier allow chain', () => {
  const sim = shop(`${CHAIN}---${DNS_EGRESS}`);

  it('allows frontend -> backend on the named port and backend -> database, nothing else', () => {
    expect(ask(sim, FRONTEND, BACKEND, 'api')).toMatchObject({ allowed: true, port: 8080, protocol: 'TCP' });
    expect(ask(sim, BACKEND, DATABASE, 5432).allowed).toBe(true);
    expect(ask(sim, FRONTEND, DATABASE, 5432).allowed).toBe(false);
    expect(ask(sim, DATABASE, FRONTEND, 80).allowed).toBe(false);
    expect(ask(sim, FRONTEND, BACKEND, 9090).allowed).toBe(false);
    expect(ask(sim, 'ip:203.0.113.10', FRONTEND, 80).allowed).toBe(false);
  });

  it('names the policy and rule that allowed each side, with their lines in the editor', () => {
    const a = ask(sim, FRONTEND, BACKEND, 8080);
    expect(a.egress.policies).toEqual(['shop/frontend']);
    expect(a.ingress.policies).toEqual(['shop/backend']);
    const egress = a.egress.selecting.find((s) => s.policy === 'shop/frontend')!;
    expect(egress.rule).toBe(0);
    expect(egress.source?.file).toBe('policies.yaml');
    // The rule's lines sit inside the policy's lines.
    expect(egress.ruleSource!.line).toBeGreaterThan(egress.source!.line);
    expect(egress.ruleSource!.endLine).toBeLessThanOrEqual(egress.source!.endLine);
    // The default-deny policy selects the pod too, and allowed nothing.
    expect(a.egress.selecting.find((s) => s.policy === 'shop/default-deny')).toMatchObject({ rule: null, ruleSource: null });
    expect(a.reason).toMatch(/allowed by shop\/frontend \(spec\.egress\[0\]\).*allowed by shop\/backend \(spec\.ingress\[0\]\)/);
  });

  it('reads ip:<a pod\'s address> as that pod', () => {
    const database = sim.cluster.pods.find((p) => p.labels.app === 'database')!;
    expect(ask(sim, BACKEND, `ip:${database.podIP}`, 5432)).toMatchObject({ allowed: true, ingress: { isolated: true, policies: ['shop/database'] } });
    expect(ask(sim, FRONTEND, `ip:${database.podIP}`, 5432).allowed).toBe(false);
  });

  it('judges traffic to a Service after DNAT: backend-api port 80 is the pods\' 8080', () => {
    const ip = sim.cluster.services.find((s) => s.key === 'shop/backend-api')!.clusterIP!;
    const a = ask(sim, FRONTEND, `ip:${ip}`, 80);
    expect(a.allowed).toBe(true);
    expect(a.service?.backends.map((b) => [b.port, b.allowed])).toEqual([[8080, true], [8080, true]]);
    expect(a.reason).toMatch(/^Through Service shop\/backend-api/);
    expect(ask(sim, DATABASE, `ip:${ip}`, 80).allowed).toBe(false);
  });

  it('allows DNS to kube-dns in kube-system on UDP and TCP 53 only', () => {
    const dns = coreDns(sim);
    expect(ask(sim, FRONTEND, dns, 53, 'UDP').allowed).toBe(true);
    expect(ask(sim, FRONTEND, dns, 53, 'TCP').allowed).toBe(true);
    expect(ask(sim, FRONTEND, dns, 9153).allowed).toBe(false);
    expect(ask(sim, FRONTEND, `ip:${sim.cluster.settings.dnsServiceIP}`, 53, 'UDP').allowed).toBe(true);
    expect(codes(sim)).not.toContain('KN7008');
  });

  it('warns when the DNS rule forgets UDP (port 53 alone is TCP)', () => {
    const tcpOnly = shop(`${DENY_ALL}---${DNS_EGRESS.replace('        - {port: 53, protocol: UDP}\n', '')}`);
    expect(ask(tcpOnly, FRONTEND, coreDns(tcpOnly), 53, 'UDP').allowed).toBe(false);
    const warning = tcpOnly.diagnostics.find((d) => d.code === 'KN7008')!;
    expect(warning.message).toMatch(/UDP 53/);
  });
});

describe('reach: questions it cannot answer are question errors', () => {
  const sim = shop('');
  it.each([
    [{ from: 'shop/nope', to: BACKEND, port: 80 }, 'NOT_FOUND'],
    [{ from: FRONTEND, to: BACKEND, port: 'nope' }, 'NOT_FOUND'],
    [{ from: FRONTEND, to: 'ip:203.0.113.9', port: 'http' }, 'BAD_ARGUMENT'],
    [{ from: 'ip:999.1.1.1', to: BACKEND, port: 80 }, 'BAD_ARGUMENT'],
    [{ from: FRONTEND, to: BACKEND, port: 70000 }, 'BAD_ARGUMENT'],
  ])('%o -> %s', (q, code) => {
    expect(reach(sim, q as never)).toMatchObject({ error: { code } });
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine';
import threeTier from '../../scenarios/three-tier.yaml?raw';
import nodePort from '../../scenarios/nodeport.yaml?raw';
import { defaultRequest, hostOf, sourceChoices, targetChoices, targetKnown } from './targets';

const clusterOf = (text: string) => simulate([{ name: 'manifests.yaml', text }]).cluster;

describe('request bar choices', () => {
  const cluster = clusterOf(threeTier);
  const lbIP = cluster.services.find((s) => s.key === 'shop/frontend')!.loadBalancerIngress[0];

  it('prefills the three-tier scenario with a request from outside to the frontend load balancer on port 80', () => {
    expect(lbIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(defaultRequest(cluster)).toEqual({ from: 'external', to: `${lbIP}:80`, protocol: 'TCP', srcIp: '203.0.113.10' });
  });

  it('prefills a NodePort-only scenario with a node address and its NodePort', () => {
    const nodes = clusterOf(nodePort);
    expect(defaultRequest(nodes)?.to).toBe(`${nodes.nodes[0].internalIP}:30080`);
  });

  it('offers external first, then the user\'s pods before kube-system\'s', () => {
    const values = sourceChoices(cluster).map((c) => c.value);
    expect(values[0]).toBe('external');
    expect(values).toContain('shop/backend-' + cluster.pods.find((p) => p.key.startsWith('shop/backend-'))!.name.slice('backend-'.length));
    const firstBuiltin = values.findIndex((v) => v.startsWith('kube-system/'));
    const lastUser = values.map((v) => v.startsWith('shop/')).lastIndexOf(true);
    expect(firstBuiltin === -1 || firstBuiltin > lastUser).toBe(true);
  });

  it('completes what answers from the sender\'s side first: addresses from outside, Service names from a pod', () => {
    const outside = targetChoices(cluster, true).map((c) => c.value);
    expect(outside[0]).toBe(`${lbIP}:80`);
    expect(outside).toContain(`${cluster.nodes[0].internalIP}:${cluster.services.find((s) => s.key === 'shop/frontend')!.ports[0].nodePort}`);
    const inside = targetChoices(cluster, false).map((c) => c.value);
    expect(inside[0]).toBe('frontend.shop:80');
    expect(inside).toContain('http://backend-api.shop/');
    expect(inside).toContain(`${cluster.services.find((s) => s.key === 'shop/backend-api')!.clusterIP}:80`);
    // kube-dns listens on 53 over UDP and TCP: one choice.
    expect(inside.filter((v) => v === 'kube-dns.kube-system:53')).toHaveLength(1);
  });
});

describe('targetKnown: whether the request still has somewhere to go', () => {
  const cluster = clusterOf(threeTier);
  const lbIP = cluster.services.find((s) => s.key === 'shop/frontend')!.loadBalancerIngress[0];

  it('knows the addresses and Service names of the simulation', () => {
    expect(targetKnown(cluster, `${lbIP}:80`)).toBe(true);
    expect(targetKnown(cluster, 'backend-api.shop:80')).toBe(true);
    expect(targetKnown(cluster, 'http://backend-api.shop.svc.cluster.local:80/v1')).toBe(true);
    expect(targetKnown(cluster, 'database-0.database.shop.svc.cluster.local:5432')).toBe(true);
  });

  it('says false once the Service behind the target is gone, and null for names outside the cluster', () => {
    const without = clusterOf(threeTier.replace(/kind: Service\nmetadata:\n {2}name: backend-api/, 'kind: ConfigMap\nmetadata:\n  name: backend-api'));
    expect(targetKnown(without, 'backend-api.shop:80')).toBe(false);
    expect(targetKnown(cluster, '10.9.9.9:80')).toBe(false);
    expect(targetKnown(cluster, 'https://example.com/')).toBeNull();
  });

  it('reads the host of a URL, host:port or bare host', () => {
    expect(hostOf('http://Api.Example.com:8080/x?y')).toBe('api.example.com');
    expect(hostOf('10.0.0.1:80')).toBe('10.0.0.1');
    expect(hostOf('backend')).toBe('backend');
  });
});

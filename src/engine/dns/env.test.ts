import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serviceEnvironment } from './env';
import { findPod } from '../model/refs';
import { simulate } from '../simulate';
import type { Pod, Simulation } from '../types';
import { pod, sim } from './testing';

const threeTier = readFileSync(fileURLToPath(new URL('../../scenarios/three-tier.yaml', import.meta.url)), 'utf8');
const envOf = (s: Simulation, ref: string) => serviceEnvironment(s.cluster, findPod(s.cluster, ref) as Pod);
const names = (s: Simulation, ref: string) => envOf(s, ref).map((v) => v.name);
const prefixes = (s: Simulation, ref: string) => [...new Set(envOf(s, ref).map((v) => v.service))];

describe('Service environment variables', () => {
  const shop = simulate([{ name: 'three-tier.yaml', text: threeTier }]);

  it('only Services created before the pod: document order stands for creation order', () => {
    // frontend's Deployment comes before its Service: its pods never see FRONTEND_*; the backend's pods do.
    expect(prefixes(shop, 'shop/deploy/frontend')).toEqual(['default/kubernetes']);
    expect(prefixes(shop, 'shop/deploy/backend')).toEqual(['shop/frontend', 'default/kubernetes']);
    // Headless Services give no variables.
    expect(prefixes(shop, 'shop/sts/database')).toEqual(['shop/backend-api', 'shop/frontend', 'default/kubernetes']);
  });

  it('writes the kubelet\'s names and values for each port', () => {
    const ip = shop.cluster.services.find((s) => s.key === 'shop/backend-api')!.clusterIP;
    const vars = envOf(shop, 'shop/sts/database').filter((v) => v.service === 'shop/backend-api').map((v) => `${v.name}=${v.value}`);
    expect(vars).toEqual([
      `BACKEND_API_SERVICE_HOST=${ip}`, 'BACKEND_API_SERVICE_PORT=80', 'BACKEND_API_SERVICE_PORT_HTTP=80',
      `BACKEND_API_PORT=tcp://${ip}:80`, `BACKEND_API_PORT_80_TCP=tcp://${ip}:80`, 'BACKEND_API_PORT_80_TCP_PROTO=tcp',
      'BACKEND_API_PORT_80_TCP_PORT=80', `BACKEND_API_PORT_80_TCP_ADDR=${ip}`,
    ]);
    expect(names(shop, 'shop/deploy/frontend')).toEqual([
      'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', 'KUBERNETES_SERVICE_PORT_HTTPS', 'KUBERNETES_PORT',
      'KUBERNETES_PORT_443_TCP', 'KUBERNETES_PORT_443_TCP_PROTO', 'KUBERNETES_PORT_443_TCP_PORT', 'KUBERNETES_PORT_443_TCP_ADDR',
    ]);
  });

  it('a Service created after the pod gives nothing; moved before it, it does', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: cache, namespace: web}\nspec: {selector: {app: cache}, ports: [{port: 6379, protocol: TCP}]}\n---\n';
    expect(prefixes(sim(pod('a', 'web') + svc), 'web/a')).toEqual(['default/kubernetes']);
    expect(prefixes(sim(svc + pod('a', 'web')), 'web/a')).toEqual(['web/cache', 'default/kubernetes']);
  });

  it('enableServiceLinks: false keeps only the kubernetes Service', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: cache, namespace: web}\nspec: {selector: {app: cache}, ports: [{port: 6379}]}\n---\n';
    expect(prefixes(sim(svc + pod('a', 'web', '  enableServiceLinks: false\n')), 'web/a')).toEqual(['default/kubernetes']);
  });

  it('other namespaces and ExternalName Services give nothing; UDP ports say udp', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: other, namespace: elsewhere}\nspec: {selector: {app: x}, ports: [{port: 80}]}\n---\n'
      + 'apiVersion: v1\nkind: Service\nmetadata: {name: ext, namespace: web}\nspec: {type: ExternalName, externalName: example.com}\n---\n'
      + 'apiVersion: v1\nkind: Service\nmetadata: {name: dns-cache, namespace: web}\nspec: {selector: {app: x}, ports: [{port: 53, protocol: UDP}]}\n---\n'
      + pod('a', 'web');
    const s = sim(text);
    expect(prefixes(s, 'web/a')).toEqual(['web/dns-cache', 'default/kubernetes']);
    expect(envOf(s, 'web/a').find((v) => v.name === 'DNS_CACHE_PORT_53_UDP_PROTO')?.value).toBe('udp');
  });
});

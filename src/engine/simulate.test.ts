import { describe, expect, it } from 'vitest';
import { generatedCluster } from './testing/generate';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';
import { simulate } from './index';
import type { Simulation } from './types';
import ipaddr from 'ipaddr.js';

const scenarioDir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const scenario = (name: string) => readFileSync(`${scenarioDir}${name}.yaml`, 'utf8');
const run = (name: string) => simulate([{ name: `${name}.yaml`, text: scenario(name) }]);
const slices = (sim: Simulation, key: string) => sim.cluster.endpointSlices.filter((s) => s.service === key);
const inServiceCIDR = (ip: string) => ipaddr.parse(ip).match(ipaddr.parseCIDR('10.96.0.0/12'));

describe('seed scenarios', () => {
  it('three-tier: pods, LoadBalancer address, named targetPorts, headless hostnames', () => {
    const sim = run('three-tier');
    expect(sim.diagnostics).toEqual([]);
    expect(sim.hasParseErrors).toBe(false);
    const shop = sim.cluster.pods.filter((p) => p.namespace === 'shop');
    expect(shop).toHaveLength(7);
    expect(shop.filter((p) => p.name.startsWith('frontend-')).map((p) => p.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(shop.filter((p) => p.owner?.kind === 'StatefulSet').map((p) => p.name)).toEqual(['database-0', 'database-1']);
    const frontend = sim.cluster.services.find((s) => s.key === 'shop/frontend')!;
    expect(inServiceCIDR(frontend.clusterIP!)).toBe(true);
    expect(frontend.loadBalancerIngress[0]).toMatch(/^198\.51\.100\.\d+$/);
    expect(frontend.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(slices(sim, 'shop/frontend')[0].ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(slices(sim, 'shop/backend-api')[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slices(sim, 'shop/backend-api')[0].endpoints).toHaveLength(2);
    const db = slices(sim, 'shop/database');
    expect(db[0].endpoints.map((e) => e.hostname)).toEqual(['database-0', 'database-1']);
    expect(sim.cluster.services.find((s) => s.key === 'shop/database')!.clusterIP).toBe('None');
    expect(sim.cluster.namespaces.find((n) => n.name === 'shop')!.implicit).toBe(false);
  });

  it('multi-port: named and numbered targetPorts resolve per pod', () => {
    const sim = run('multi-port');
    expect(sim.diagnostics).toEqual([]);
    const s = slices(sim, 'default/web');
    expect(s).toHaveLength(1);
    expect(s[0].ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'https', port: 8443, protocol: 'TCP' },
      { name: 'metrics', port: 9090, protocol: 'TCP' },
    ]);
    expect(s[0].endpoints).toHaveLength(2);
  });

  it('headless: StatefulSet pods with hostnames, no ClusterIP', () => {
    const sim = run('headless');
    expect(sim.diagnostics).toEqual([]);
    const s = slices(sim, 'default/cassandra');
    expect(s[0].endpoints.map((e) => [e.targetRef, e.hostname])).toEqual([
      ['default/cassandra-0', 'cassandra-0'], ['default/cassandra-1', 'cassandra-1'], ['default/cassandra-2', 'cassandra-2'],
    ]);
    expect(sim.cluster.services.find((s) => s.key === 'default/cassandra')).toMatchObject({ clusterIP: 'None', headless: true });
  });

  it('nodeport: keeps nodePort 30080', () => {
    const sim = run('nodeport');
    expect(sim.diagnostics).toEqual([]);
    const hello = sim.cluster.services.find((s) => s.key === 'default/hello')!;
    expect(hello).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Cluster' });
    expect(hello.ports).toEqual([{ name: null, protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080, appProtocol: null }]);
    expect(slices(sim, 'default/hello')[0].endpoints).toHaveLength(2);
  });
});

describe('determinism and plain data', () => {
  it('gives identical JSON for the same input, and results survive a JSON round trip', () => {
    for (const name of ['three-tier', 'multi-port', 'headless', 'nodeport']) {
      const a = JSON.stringify(run(name));
      expect(JSON.stringify(run(name))).toBe(a);
      expect(JSON.stringify(JSON.parse(a))).toBe(a);
      expect(structuredClone(run(name))).toEqual(run(name));
    }
  });

  it('simulates many files together, each object keeping its own file', () => {
    const sim = simulate([{ name: 'a.yaml', text: scenario('nodeport') }, { name: 'b.yaml', text: scenario('headless') }]);
    expect(sim.cluster.services.find((s) => s.name === 'hello')!.source!.file).toBe('a.yaml');
    expect(sim.cluster.services.find((s) => s.name === 'cassandra')!.source!.file).toBe('b.yaml');
  });
});

// A small seeded generator: the sweep is the same on every run.
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const JUNK: unknown[] = [null, 0, -1, 70000, 1.5, '', 'eighty', 'None', true, [], {}, [1, 'x', null], { a: { b: [] } }, '10.96.0.1', '::1', 'Local', 'ClientIP'];

function mutate(value: unknown, rand: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => (rand() < 0.15 ? JUNK[Math.floor(rand() * JUNK.length)] : mutate(v, rand)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (rand() < 0.05) continue;
      out[k] = rand() < 0.12 ? JUNK[Math.floor(rand() * JUNK.length)] : mutate(v, rand);
    }
    return out;
  }
  return value;
}

describe('never throws', () => {
  const texts = ['three-tier', 'multi-port', 'headless', 'nodeport'].map(scenario);
  const docs = texts.flatMap((t) => parseAllDocuments(t).map((d) => d.toJS() as unknown));

  it('survives hand-picked broken inputs', () => {
    const inputs = [
      '', '---', 'null', '42', '"text"', '[1, 2]', '{', ': : :', '\t- a', 'kind: [', '&a [*a]',
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: 5\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: "80", selector: [a]}\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: [x]}\nspec: {ports: [null, 1, {port: {}}], type: 7}\n',
      'apiVersion: v1\nkind: List\nitems: [null, 1, {kind: Pod}]\n',
      'apiVersion: v1\nkind: PodList\nitems: {a: 1}\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: -5, template: [], selector: "x"}\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 1e9}\n',
      'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec: {podCIDR: "fd00::/64"}\nstatus: {addresses: 3}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: 7}\nspec: {containers: {a: 1}, nodeName: 3}\nstatus: {podIP: [], conditions: "x"}\n',
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: e, labels: {kubernetes.io/service-name: x}}\nendpoints: [{addresses: 3}, null]\nports: [{port: "a"}]\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: LoadBalancer, ports: [{port: 80}], loadBalancerSourceRanges: [1, "x/99"]}\nstatus: {loadBalancer: {ingress: [null, {ip: 5}]}}\n',
      'a: &x\n  b: *x\n',
      'x: ' + '[' .repeat(200) + ']'.repeat(200),
    ];
    for (const text of inputs) {
      const sim = simulate([{ name: 'x.yaml', text }]);
      expect(JSON.parse(JSON.stringify(sim))).toEqual(sim);
    }
    // callers may pass anything
    for (const files of [null, undefined, 5, [null], [{}], [{ name: 3, text: 4 }]] as unknown[]) {
      expect(() => simulate(files as never)).not.toThrow();
    }
    expect(() => simulate([], { serviceCIDR: 'nope', nodePortRange: { min: 5, max: 1 }, maxEndpointsPerSlice: -1 } as never)).not.toThrow();
  });

  it('survives 300 seeded mutations of the seed scenarios', () => {
    const rand = lcg(12345);
    for (let i = 0; i < 300; i++) {
      const mangled = docs.map((d) => mutate(d, rand));
      const text = mangled.map((d) => stringify(d)).join('---\n');
      const sim = simulate([{ name: 'm.yaml', text }]);
      expect(sim.cluster).toBeDefined();
      for (const d of sim.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
      expect(sim.diagnostics.every((d) => !d.message.includes('internal error'))).toBe(true);
    }
  }, 60_000); // ~2 s alone; a loaded 2-core CI machine may take several times that
});

describe('cost', () => {
  // Timing is printed by `npm run bench`, never asserted here (machines are noisy).
  it('builds a 5,000-pod cluster on 30 nodes with every pod placed and addressed', () => {
    const sim = simulate([{ name: 'big.yaml', text: generatedCluster({ nodes: 30, deployments: 100, replicas: 50 }) }]);
    expect(sim.cluster.pods.filter((p) => !p.builtin)).toHaveLength(5000);
    expect(sim.diagnostics).toEqual([]);
    expect(new Set(sim.cluster.pods.map((p) => p.podIP)).size).toBe(sim.cluster.pods.length);
  }, 60_000);

  it('leaves pods Pending with a warning when every pod CIDR is full', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: big}\nspec:\n  replicas: 800\n  selector: {matchLabels: {app: big}}\n  template:\n    metadata: {labels: {app: big}}\n    spec: {containers: [{name: c}]}\n`;
    const sim = simulate([{ name: 'big.yaml', text }]);
    const pods = sim.cluster.pods.filter((p) => !p.builtin);
    expect(pods.filter((p) => p.podIP === null && p.phase === 'Pending')).toHaveLength(800 + 2 - 3 * 253);
    expect(sim.diagnostics.map((d) => [d.code, d.line])).toEqual([['KN4005', 5]]);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../index';
import type { Simulation } from '../types';

const run = (text: string, settings = {}) => simulate([{ name: 'app.yaml', text }], settings);
const slicesOf = (sim: Simulation, key: string) => sim.cluster.endpointSlices.filter((s) => s.service === key);

const service = (extra = '') => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}${extra}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
const pod = (name: string, port: number, more = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}${more ? `, ${more}` : ''}}
spec:
  containers:
    - name: c
      ports: [{name: http, containerPort: ${port}}]
`;

describe('EndpointSlice controller', () => {
  it('resolves a named targetPort per pod: two different ports give two slices', () => {
    const sim = run([service(), pod('a', 8080), pod('b', 9090), pod('c', 8080)].join('---\n'));
    const slices = slicesOf(sim, 'default/web');
    expect(slices.map((s) => [s.ports, s.endpoints.map((e) => e.targetRef)])).toEqual([
      [[{ name: 'http', port: 8080, protocol: 'TCP' }], ['default/a', 'default/c']],
      [[{ name: 'http', port: 9090, protocol: 'TCP' }], ['default/b']],
    ]);
    for (const s of slices) expect(s.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(new Set(slices.map((s) => s.name)).size).toBe(2);
  });

  it('puts a pod that resolves no port in a slice with an empty port list', () => {
    const sim = run([service(), pod('a', 8080), `apiVersion: v1\nkind: Pod\nmetadata: {name: z, labels: {app: web}}\nspec: {containers: [{name: c}]}\n`].join('---\n'));
    expect(slicesOf(sim, 'default/web').map((s) => [s.ports.length, s.endpoints.length])).toEqual([[1, 1], [0, 1]]);
  });

  it('keeps not-ready pods (ready false) unless publishNotReadyAddresses', () => {
    const notReady = `${pod('a', 8080)}status:\n  phase: Running\n  conditions: [{type: Ready, status: "False"}]\n`;
    const c = slicesOf(run([service(), notReady].join('---\n')), 'default/web')[0].endpoints[0].conditions;
    expect(c).toEqual({ ready: false, serving: false, terminating: false });
    const p = slicesOf(run([service('\n  publishNotReadyAddresses: true'), notReady].join('---\n')), 'default/web')[0].endpoints[0].conditions;
    expect(p).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('marks terminating pods serving but not ready; skips terminal pods and pods without IP', () => {
    const terminating = pod('t', 8080, 'deletionTimestamp: "2024-01-01T00:00:00Z"');
    const done = `${pod('d', 8080)}status: {phase: Succeeded}\n`;
    const pending = `${pod('p', 8080)}status: {phase: Pending}\n`;
    const eps = slicesOf(run([service(), terminating, done, pending].join('---\n')), 'default/web').flatMap((s) => s.endpoints);
    expect(eps.map((e) => [e.targetRef, e.conditions])).toEqual([['default/t', { ready: false, serving: true, terminating: true }]]);
  });

  it('caps slices at maxEndpointsPerSlice: 101 pods give 100 + 1', () => {
    const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 101\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}\n`;
    const sim = run([service(), deploy].join('---\n'));
    expect(slicesOf(sim, 'default/web').map((s) => s.endpoints.length)).toEqual([100, 1]);
    expect(slicesOf(run([service(), deploy].join('---\n'), { maxEndpointsPerSlice: 50 }), 'default/web').map((s) => s.endpoints.length)).toEqual([50, 50, 1]);
  });

  it('publishes one empty placeholder for a selector that matches nothing, none without a selector', () => {
    const sim = run([service(), `apiVersion: v1\nkind: Service\nmetadata: {name: manual}\nspec:\n  selector: {}\n  ports: [{port: 80}]\n`].join('---\n'));
    expect(slicesOf(sim, 'default/web')).toEqual([expect.objectContaining({ ports: [], endpoints: [] })]);
    expect(slicesOf(sim, 'default/manual')).toEqual([]);
    expect(sim.cluster.services.find((s) => s.key === 'default/manual')!.selector).toBeNull();
  });

  it('sets hostname only when the pod’s subdomain is the Service, and the zone from the node', () => {
    const nodes = `apiVersion: v1\nkind: Node\nmetadata: {name: n1, labels: {topology.kubernetes.io/zone: zone-a}}\n`;
    const sts = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  replicas: 1\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: c}]}\n`;
    const svcs = `apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {clusterIP: None, selector: {app: db}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: other}\nspec: {selector: {app: db}, ports: [{port: 1}]}\n`;
    const sim = run([nodes, sts, svcs].join('---\n'));
    expect(slicesOf(sim, 'default/db')[0].endpoints[0]).toMatchObject({ hostname: 'db-0', zone: 'zone-a', nodeName: 'n1' });
    expect(slicesOf(sim, 'default/other')[0].endpoints[0].hostname).toBeNull();
  });

  it('keeps input EndpointSlices as given for a selectorless Service', () => {
    const sim = run(`apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {ports: [{port: 5432}]}\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ext-1\n  labels: {kubernetes.io/service-name: ext}\naddressType: IPv4\nports: [{port: 5432}]\nendpoints:\n  - addresses: [192.0.2.10]\n`);
    expect(slicesOf(sim, 'default/ext')).toEqual([expect.objectContaining({
      name: 'ext-1', fromInput: true, ports: [{ name: null, port: 5432, protocol: 'TCP' }],
      endpoints: [expect.objectContaining({ addresses: ['192.0.2.10'], conditions: { ready: true, serving: true, terminating: false } })],
    })]);
    expect(sim.diagnostics).toEqual([]);
  });

  it('publishes the kubernetes Service endpoint at the first node on 6443', () => {
    const s = slicesOf(run(''), 'default/kubernetes');
    expect(s).toEqual([expect.objectContaining({ ports: [{ name: 'https', port: 6443, protocol: 'TCP' }], endpoints: [expect.objectContaining({ addresses: ['172.18.0.2'], targetRef: null })] })]);
  });
});

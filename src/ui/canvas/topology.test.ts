import { describe, expect, it } from 'vitest';
import type { Cluster, Diagnostic, Endpoint, Node, Pod, Service, SourceRange } from '../../engine';
import { deriveTopology, elementsAtLine, onCanvas, POD_CARD_LIMIT, shapeOf, type PodAggregateData, type ServiceData } from './topology';
import { layoutTopology } from './layout';

const range = (line: number, endLine: number): SourceRange => ({
  file: 'manifests.yaml', doc: 0, line, column: 1, endLine, endColumn: 1, offset: 0, endOffset: 0,
});

function node(name: string, internalIP: string): Node {
  return { name, internalIP, podCIDR: '', labels: {}, zone: null, ready: true, builtin: true, source: null };
}

function pod(namespace: string, name: string, nodeName: string, podIP: string, extra: Partial<Pod> = {}): Pod {
  return {
    key: `${namespace}/${name}`, name, namespace, labels: {}, nodeName, podIP, hostIP: null, hostNetwork: false,
    phase: 'Running', ready: true, terminating: false, containers: [], initContainers: [], hostname: null,
    subdomain: null, dnsPolicy: 'ClusterFirst', owner: null, builtin: false, source: range(10, 20), ...extra,
  };
}

function service(namespace: string, name: string, extra: Partial<Service> = {}): Service {
  return {
    key: `${namespace}/${name}`, name, namespace, type: 'ClusterIP', labels: {}, annotations: {},
    clusterIP: '10.96.0.10', headless: false,
    ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: null, appProtocol: null }],
    selector: { app: name }, externalName: null, externalIPs: [], loadBalancerIngress: [], loadBalancerSourceRanges: [],
    externalTrafficPolicy: null, internalTrafficPolicy: 'Cluster', healthCheckNodePort: null, sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: null, publishNotReadyAddresses: false, allocateLoadBalancerNodePorts: null,
    builtin: false, source: range(30, 40), ...extra,
  };
}

function endpoint(target: string, ready = true): Endpoint {
  return { addresses: ['10.244.0.5'], targetRef: target, nodeName: null, zone: null, hostname: null, conditions: { ready, serving: ready, terminating: false } };
}

function cluster(parts: Partial<Cluster>): Cluster {
  return {
    settings: {} as Cluster['settings'], namespaces: [], nodes: [node('node-1', '192.168.49.2'), node('node-2', '192.168.49.3')],
    pods: [], services: [], endpointSlices: [], workloads: [], networkPolicies: [], objects: [], ...parts,
  };
}

const slice = (svc: string, endpoints: Endpoint[]) => ({
  name: `${svc.split('/')[1]}-abc`, namespace: svc.split('/')[0], service: svc, addressType: 'IPv4' as const,
  ports: [], endpoints, fromInput: false, source: null,
});

describe('deriveTopology', () => {
  const web = service('shop', 'web', {
    type: 'LoadBalancer', loadBalancerIngress: ['203.0.113.10'],
    ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 31000, appProtocol: null }],
  });
  const model = cluster({
    pods: [
      pod('shop', 'web-1', 'node-1', '10.244.0.5'),
      pod('shop', 'web-2', 'node-2', '10.244.1.5', { ready: false }),
      pod('kube-system', 'coredns-1', 'node-1', '10.244.0.2', { builtin: true }),
    ],
    services: [web, service('kube-system', 'kube-dns', { builtin: true }), service('shop', 'typo')],
    endpointSlices: [slice('shop/web', [endpoint('shop/web-1'), endpoint('shop/web-2', false)])],
  });
  const diagnostics: Diagnostic[] = [
    { severity: 'warning', code: 'NS2001', message: 'The selector app=typo matches no pod.', object: 'Service/shop/typo', file: 'manifests.yaml', line: 31, column: 3, endLine: 31, endColumn: 9 },
  ];

  it('draws client → load balancer → nodes → NodePort Service → endpoint pods', () => {
    const topology = deriveTopology(model, diagnostics, { showBuiltin: false });
    const edges = topology.edges.map((e) => `${e.source} > ${e.target}`);
    expect(edges).toContain('client > lb-shop/web');
    expect(edges).toContain('lb-shop/web > node-node-1');
    expect(edges).toContain('lb-shop/web > node-node-2');
    expect(edges).toContain('node-node-1 > service-shop/web');
    expect(edges).toContain('service-shop/web > pod-shop/web-1');
    expect(topology.edges.find((e) => e.target === 'pod-shop/web-2')?.ready).toBe(false);
    const lb = topology.elements.find((e) => e.id === 'lb-shop/web');
    expect(lb?.data).toMatchObject({ addresses: ['203.0.113.10:80/TCP'] });
    const node1 = topology.elements.find((e) => e.id === 'node-node-1');
    expect(node1?.data).toMatchObject({ internalIP: '192.168.49.2', nodePorts: [{ port: 31000, protocol: 'TCP', service: 'shop/web' }] });
  });

  it('groups pods under their node and hides built-in kube-system objects by default', () => {
    const topology = deriveTopology(model, diagnostics, { showBuiltin: false });
    const parents = Object.fromEntries(topology.elements.filter((e) => e.data.kind === 'pod').map((e) => [e.id, e.parentId]));
    expect(parents).toEqual({ 'pod-shop/web-1': 'group-node-1', 'pod-shop/web-2': 'group-node-2' });
    expect(topology.elements.some((e) => e.id.includes('kube-system'))).toBe(false);
    expect(topology.hiddenBuiltins).toBe(2);
    const shown = deriveTopology(model, diagnostics, { showBuiltin: true });
    expect(shown.elements.map((e) => e.id)).toContain('pod-kube-system/coredns-1');
    expect(shown.namespaces.map((n) => n.name)).toEqual(['kube-system', 'shop']);
    expect(new Set(shown.namespaces.map((n) => n.colour)).size).toBe(2);
  });

  it('marks a selector Service without ready endpoints and says why', () => {
    const topology = deriveTopology(model, diagnostics, { showBuiltin: false });
    const typo = topology.elements.find((e) => e.id === 'service-shop/typo')?.data as ServiceData;
    expect(typo.noEndpoints).toBe(true);
    expect(typo.reason).toBe('The selector app=typo matches no pod.');
    const web = topology.elements.find((e) => e.id === 'service-shop/web')?.data as ServiceData;
    expect(web).toMatchObject({ noEndpoints: false, readyEndpoints: 1, totalEndpoints: 2 });
  });

  it('says "0 of N pods ready" when endpoints exist but none is ready', () => {
    const m = cluster({
      pods: [pod('a', 'p', 'node-1', '10.244.0.9', { ready: false })],
      services: [service('a', 's')],
      endpointSlices: [slice('a/s', [endpoint('a/p', false)])],
    });
    const data = deriveTopology(m, [], { showBuiltin: false }).elements.find((e) => e.id === 'service-a/s')?.data as ServiceData;
    expect(data.reason).toBe('0 of 1 pods ready');
  });

  it('shows headless and ExternalName Services as such, never as missing endpoints', () => {
    const m = cluster({
      services: [
        service('a', 'db', { headless: true, clusterIP: 'None', ports: [{ name: null, protocol: 'TCP', port: 5432, targetPort: 'pg', nodePort: null, appProtocol: null }] }),
        service('a', 'ext', { type: 'ExternalName', clusterIP: null, selector: null, externalName: 'example.com', ports: [] }),
      ],
    });
    const byId = Object.fromEntries(deriveTopology(m, [], { showBuiltin: false }).elements.map((e) => [e.id, e.data]));
    expect(byId['service-a/db']).toMatchObject({ headless: true, ports: [':5432 → pg'] });
    expect(byId['service-a/ext']).toMatchObject({ noEndpoints: false, ports: ['CNAME example.com'] });
    expect(byId.client).toMatchObject({ exposed: false });
  });

  it('finds the elements made by the object under a line', () => {
    const topology = deriveTopology(model, diagnostics, { showBuiltin: false });
    expect(elementsAtLine(topology, 15)).toEqual(['pod-shop/web-1', 'pod-shop/web-2']);
    expect(elementsAtLine(topology, 35)).toContain('service-shop/typo');
    expect(elementsAtLine(topology, 99)).toEqual([]);
  });
});

describe('many pods are drawn grouped', () => {
  /** `count` pods of Deployment `name` in `ns`, alternating between node-1 and node-2; every 10th not ready. */
  const deploymentPods = (ns: string, name: string, count: number, line: number) =>
    Array.from({ length: count }, (_, i) =>
      pod(ns, `${name}-${i}`, `node-${(i % 2) + 1}`, `10.244.${i % 2}.${i % 250}`, {
        owner: { kind: 'Deployment', name }, labels: { app: name }, ready: i % 10 !== 0, source: range(line, line + 9),
      }),
    );
  const manyPods = (webCount: number) => {
    const pods = [
      ...deploymentPods('shop', 'web', webCount, 1),
      ...deploymentPods('shop', 'api', 40, 20),
      // Standalone pods: one a Service selects, one no Service does.
      pod('shop', 'debug', 'node-1', '10.244.0.251', { source: range(40, 45) }),
      pod('shop', 'lonely', 'node-1', '10.244.0.252', { source: range(50, 55) }),
    ];
    const web = pods.filter((p) => p.name.startsWith('web-'));
    return cluster({
      pods,
      services: [service('shop', 'web'), service('shop', 'debug', { selector: { run: 'debug' } })],
      endpointSlices: [
        slice('shop/web', web.map((p) => endpoint(p.key, p.ready))),
        slice('shop/debug', [endpoint('shop/debug')]),
      ],
    });
  };
  const cards = (topology: ReturnType<typeof deriveTopology>) =>
    Object.fromEntries(topology.elements.filter((e) => e.data.kind === 'podAggregate').map((e) => [e.id, e.data as PodAggregateData]));

  it('up to the limit, every pod keeps its own card and nothing is aliased', () => {
    const topology = deriveTopology(manyPods(POD_CARD_LIMIT - 42), [], { showBuiltin: false });
    expect(topology.elements.filter((e) => e.data.kind === 'pod')).toHaveLength(POD_CARD_LIMIT);
    expect(cards(topology)).toEqual({});
    expect(topology.groupedPods).toBeNull();
    expect(topology.podAliases.size).toBe(0);
    expect(topology.edges.filter((e) => e.source === 'service-shop/web')).toHaveLength(POD_CARD_LIMIT - 42);
  });

  it('past the limit, one card per node, namespace and workload, with its counts', () => {
    const topology = deriveTopology(manyPods(1000), [], { showBuiltin: false });
    expect(topology.groupedPods).toBe(1042);
    expect(topology.elements.filter((e) => e.data.kind === 'pod')).toHaveLength(0);
    const byId = cards(topology);
    expect(Object.keys(byId).sort()).toEqual([
      'pods-node-1-shop/Deployment/api',
      'pods-node-1-shop/Deployment/web',
      'pods-node-1-shop/Pod',
      'pods-node-1-shop/Service/debug',
      'pods-node-2-shop/Deployment/api',
      'pods-node-2-shop/Deployment/web',
    ]);
    // 500 web pods per node; i % 10 === 0 is not ready, and those are all even, so all on node-1.
    expect(byId['pods-node-1-shop/Deployment/web']).toMatchObject({ label: 'web', ownerKind: 'Deployment', namespace: 'shop', nodeName: 'node-1', podCount: 500, readyCount: 400 });
    expect(byId['pods-node-2-shop/Deployment/web']).toMatchObject({ podCount: 500, readyCount: 500 });
    expect(byId['pods-node-1-shop/Service/debug']).toMatchObject({ label: 'pods of Service debug', ownerKind: null, pods: ['shop/debug'] });
    expect(byId['pods-node-1-shop/Pod']).toMatchObject({ label: 'standalone pods', pods: ['shop/lonely'] });
    const frame = topology.elements.find((e) => e.id === 'group-node-1')?.data;
    expect(frame).toMatchObject({ podCount: 522, cardCount: 4 });
    expect(topology.elements.find((e) => e.id === 'pods-node-1-shop/Deployment/web')?.parentId).toBe('group-node-1');
  });

  it('Service edges go to the grouped cards, one per card, dashed only when no endpoint there is ready', () => {
    const topology = deriveTopology(manyPods(1000), [], { showBuiltin: false });
    const edges = topology.edges.filter((e) => e.kind === 'service-pod').map((e) => `${e.source} > ${e.target}${e.ready ? '' : ' (not ready)'}`);
    expect(edges.sort()).toEqual([
      'service-shop/debug > pods-node-1-shop/Service/debug',
      'service-shop/web > pods-node-1-shop/Deployment/web',
      'service-shop/web > pods-node-2-shop/Deployment/web',
    ]);
    expect(new Set(topology.edges.map((e) => e.id)).size).toBe(topology.edges.length);
  });

  it('every pod is aliased to its card, so a trace or a selection of a pod lands on it', () => {
    const topology = deriveTopology(manyPods(1000), [], { showBuiltin: false });
    expect(topology.podAliases.size).toBe(1042);
    expect(onCanvas(topology, 'pod-shop/web-3')).toBe('pods-node-2-shop/Deployment/web');
    expect(onCanvas(topology, 'pod-shop/lonely')).toBe('pods-node-1-shop/Pod');
    expect(onCanvas(topology, 'service-shop/web')).toBe('service-shop/web');
    expect(onCanvas(topology, null)).toBeNull();
  });

  it('the cursor on a workload or a standalone pod lights its cards', () => {
    const topology = deriveTopology(manyPods(1000), [], { showBuiltin: false });
    expect(elementsAtLine(topology, 5)).toEqual(['pods-node-1-shop/Deployment/web', 'pods-node-2-shop/Deployment/web']);
    expect(elementsAtLine(topology, 52)).toEqual(['pods-node-1-shop/Pod']);
  });

  it('counts and names the policies that isolate the pods of a card', () => {
    const policy = (name: string, podSelector: unknown, policyTypes: Array<'Ingress' | 'Egress'>) =>
      ({ key: `shop/${name}`, name, namespace: 'shop', podSelector, policyTypes, ingress: [], egress: [], source: null }) as unknown as Cluster['networkPolicies'][number];
    const model = { ...manyPods(1000), networkPolicies: [policy('web-in', { matchLabels: { app: 'web' } }, ['Ingress']), policy('all-out', {}, ['Egress'])] };
    model.settings = { networkPlugin: 'calico' } as Cluster['settings'];
    const web = cards(deriveTopology(model, [], { showBuiltin: false }))['pods-node-1-shop/Deployment/web'];
    expect(web.isolation).toEqual({ ingress: ['shop/web-in'], egress: ['shop/all-out'], enforced: true });
    expect(web.isolatedPods).toEqual({ ingress: 500, egress: 500, either: 500 });
  });

  it('thousands of small workloads fall back to one card per node and namespace', () => {
    const pods = Array.from({ length: 2 * POD_CARD_LIMIT }, (_, i) =>
      pod(i % 2 ? 'a' : 'b', `w${i}-0`, 'node-1', `10.244.${Math.floor(i / 250)}.${i % 250}`, { owner: { kind: 'Deployment', name: `w${i}` } }),
    );
    const topology = deriveTopology(cluster({ pods }), [], { showBuiltin: false });
    expect(Object.keys(cards(topology)).sort()).toEqual(['pods-node-1-a', 'pods-node-1-b']);
    expect(cards(topology)['pods-node-1-a']).toMatchObject({ label: 'all pods in a', podCount: POD_CARD_LIMIT });
  });

  it('10,000 pods make a handful of cards, laid out inside their frames', () => {
    const pods = [...deploymentPods('shop', 'web', 6000, 1), ...deploymentPods('team', 'api', 4000, 20)];
    const topology = deriveTopology(cluster({ pods, services: [service('shop', 'web')], endpointSlices: [slice('shop/web', pods.slice(0, 6000).map((p) => endpoint(p.key)))] }), [], { showBuiltin: false });
    expect(topology.elements.length).toBeLessThan(20);
    const boxes = layoutTopology(topology);
    const frame = boxes.get('group-node-1')!;
    for (const id of ['pods-node-1-shop/Deployment/web', 'pods-node-1-team/Deployment/api']) {
      const box = boxes.get(id)!;
      expect(box.x + box.width).toBeLessThanOrEqual(frame.width);
      expect(box.y + box.height).toBeLessThanOrEqual(frame.height);
    }
  });
});

describe('layoutTopology', () => {
  it('lays columns out left to right without overlaps, for 500 pods too', () => {
    const pods = Array.from({ length: 500 }, (_, i) => pod(`ns${i % 4}`, `p${i}`, `node-${(i % 3) + 1}`, `10.244.${i % 3}.${i}`));
    const nodes = [node('node-1', '192.168.49.2'), node('node-2', '192.168.49.3'), node('node-3', '192.168.49.4')];
    const services = Array.from({ length: 20 }, (_, i) => service(`ns${i % 4}`, `s${i}`));
    const endpointSlices = services.map((s, i) => slice(s.key, pods.filter((_, j) => j % 20 === i).map((p) => endpoint(p.key))));
    const topology = deriveTopology(cluster({ nodes, pods, services, endpointSlices }), [], { showBuiltin: false });
    const boxes = layoutTopology(topology);
    const x = (id: string) => boxes.get(id)!.x;
    expect(x('client')).toBeLessThan(x('node-node-1'));
    expect(x('node-node-1')).toBeLessThan(x('service-ns0/s0'));
    expect(x('service-ns0/s0')).toBeLessThan(x('group-node-1'));
    const topLevel = topology.elements.filter((e) => !e.parentId).map((e) => boxes.get(e.id)!);
    for (let i = 0; i < topLevel.length; i++) {
      for (let j = i + 1; j < topLevel.length; j++) {
        const a = topLevel[i];
        const b = topLevel[j];
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
    }
    const inGroup = topology.elements.filter((e) => e.parentId === 'group-node-1').map((e) => boxes.get(e.id)!);
    const frame = boxes.get('group-node-1')!;
    for (const box of inGroup) {
      expect(box.x + box.width).toBeLessThanOrEqual(frame.width);
      expect(box.y + box.height).toBeLessThanOrEqual(frame.height);
    }
  });

  it('orders the pods in a frame by the height of the Services that reach them', () => {
    // Interleaved in the input: a0 b0 a1 b1 ... on one node.
    const pods = Array.from({ length: 12 }, (_, i) => pod('ns', `${i % 2 ? 'b' : 'a'}${i}`, 'node-1', `10.244.0.${i + 2}`));
    const services = [service('ns', 'a'), service('ns', 'b')];
    const endpointSlices = [
      slice('ns/a', pods.filter((p) => p.name.startsWith('a')).map((p) => endpoint(p.key))),
      slice('ns/b', pods.filter((p) => p.name.startsWith('b')).map((p) => endpoint(p.key))),
    ];
    const topology = deriveTopology(cluster({ pods, services, endpointSlices }), [], { showBuiltin: false });
    const boxes = layoutTopology(topology);
    const [upper, lower] = [...services].sort((s, t) => boxes.get(`service-${s.key}`)!.y - boxes.get(`service-${t.key}`)!.y);
    const rowsOf = (svc: Service) => pods.filter((p) => p.name.startsWith(svc.name)).map((p) => boxes.get(`pod-${p.key}`)!.y);
    expect(Math.max(...rowsOf(upper))).toBeLessThanOrEqual(Math.min(...rowsOf(lower)));
  });
});

describe('shapeOf', () => {
  it('changes when elements come or go, not when one is renamed', () => {
    const base = cluster({ pods: [pod('ns', 'a-1', 'node-1', '10.244.0.2')], services: [service('ns', 'a')], endpointSlices: [slice('ns/a', [endpoint('ns/a-1')])] });
    const shape = shapeOf(deriveTopology(base, [], { showBuiltin: false }));
    const renamed = cluster({ pods: [pod('ns', 'b-1', 'node-1', '10.244.0.2')], services: [service('ns', 'b')], endpointSlices: [slice('ns/b', [endpoint('ns/b-1')])] });
    expect(shapeOf(deriveTopology(renamed, [], { showBuiltin: false }))).toBe(shape);
    const grown = cluster({ ...base, pods: [...base.pods, pod('ns', 'a-2', 'node-1', '10.244.0.3')] });
    expect(shapeOf(deriveTopology(grown, [], { showBuiltin: false }))).not.toBe(shape);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate } from '../simulate';
import { trace, sendMany } from './trace';
import { isQuestionError } from '../model/refs';
import type { ClusterSettings, Simulation } from '../types';
import type { SendManyAnswer, TraceAnswer, TraceQuestion } from './types';

const scenario = (name: string) => readFileSync(`src/scenarios/${name}.yaml`, 'utf8');
const sim = (text: string, settings?: Partial<ClusterSettings>) => simulate([{ name: 'test.yaml', text }], settings);

function ok(s: Simulation, q: TraceQuestion): TraceAnswer {
  const a = trace(s, q);
  if (isQuestionError(a)) throw new Error(a.error.message);
  return a;
}
function many(s: Simulation, q: TraceQuestion & { count: number }): SendManyAnswer {
  const a = sendMany(s, q);
  if (isQuestionError(a)) throw new Error(a.error.message);
  return a;
}
const kinds = (a: TraceAnswer) => a.hops.map((h) => h.kind);
const svc = (s: Simulation, key: string) => s.cluster.services.find((x) => x.key === key)!;
const node = (s: Simulation, name: string) => s.cluster.nodes.find((n) => n.name === name)!;
const podsOf = (s: Simulation, prefix: string) => s.cluster.pods.filter((p) => p.key.startsWith(prefix));

/** A Deployment of `replicas` pods and a Service in front; `extra` is appended to the Service spec. */
function app(o: { name?: string; ns?: string; replicas?: number; containerPort?: number; portName?: string; targetPort?: string | number; type?: string; extra?: string; podExtra?: string }): string {
  const { name = 'web', ns = 'default', replicas = 3, containerPort = 8080, portName = 'http', targetPort = 'http', type = 'ClusterIP', extra = '', podExtra = '' } = o;
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${podExtra}      containers:
        - name: c
          image: nginx
          ports:
            - name: ${portName}
              containerPort: ${containerPort}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  type: ${type}
  selector: {app: ${name}}
  ports:
    - name: http
      port: 80
      targetPort: ${targetPort}
${extra}`;
}

const CLIENT = `apiVersion: v1
kind: Pod
metadata: {name: client, namespace: default, labels: {app: client}}
spec:
  nodeName: node-1
  containers: [{name: c, image: busybox}]
`;

describe('ClusterIP from a pod, through cluster DNS', () => {
  const s = sim(scenario('three-tier'));
  const backend = svc(s, 'shop/backend-api');

  it('resolves the short name, then kube-proxy DNATs the ClusterIP to a backend on targetPort 8080 (1/2 each)', () => {
    const a = ok(s, { from: 'shop/deploy/frontend', to: 'http://backend-api/v1/users' });
    expect(a.delivered).toBe(true);
    expect(a.status).toBe(200);
    expect(kinds(a).slice(0, 4)).toEqual(['Pod', 'DNS', 'DNS', 'DNS']);
    expect(kinds(a)).toContain('ClusterIP');
    const kp = a.hops.find((h) => h.kind === 'KubeProxy')!;
    expect(kp.packet!.dst).toBe(`${a.destination!.ip}:8080`);
    expect(kp.note).toContain(`${backend.clusterIP}:80 to ${a.destination!.ip}:8080`);
    expect(kp.note).toContain('p = 1/2');
    expect(kp.ref).toBe('Service/shop/backend-api');
    expect(a.candidates.map((c) => c.probability)).toEqual([0.5, 0.5]);
    expect(a.candidates.map((c) => c.pod)).toEqual(podsOf(s, 'shop/backend-').map((p) => p.key).sort());
    // No SNAT for pod -> ClusterIP: the backend sees the client pod's own address.
    const from = s.cluster.pods.find((p) => p.key.startsWith('shop/frontend-'))!;
    expect(a.sourceIpAtPod).toBe(from.podIP);
    expect(a.hops.every((h) => h.packet && /:\d+$/.test(h.packet.src))).toBe(true);
  });

  it('resolves name.namespace and the FQDN, and a host:port target', () => {
    for (const to of ['backend-api.shop:80', 'backend-api.shop.svc.cluster.local:80', 'http://backend-api.shop.svc.cluster.local./']) {
      const a = ok(s, { from: 'shop/deploy/frontend', to });
      expect(a.delivered, to).toBe(true);
      expect(a.hops.find((h) => h.kind === 'ClusterIP')!.ip).toBe(backend.clusterIP);
    }
  });

  it('goes straight to a ClusterIP given as ip:port, with no DNS hop', () => {
    const a = ok(s, { from: 'shop/deploy/frontend', to: `${backend.clusterIP}:80` });
    expect(a.delivered).toBe(true);
    expect(kinds(a)).not.toContain('DNS');
  });

  it('is NO_SUCH_HOST for a name that does not resolve (a short name from another namespace)', () => {
    const a = ok(sim(scenario('three-tier') + '---\n' + CLIENT), { from: 'client', to: 'http://backend-api/' });
    expect(a.delivered).toBe(false);
    expect(a.drop!.reason).toBe('NO_SUCH_HOST');
    expect(a.drop!.hop).toBe(a.hops.length - 1);
    expect(a.drop!.fix).toContain('<service>.<namespace>');
  });

  it('reaches a headless Service\'s pod directly: no ClusterIP, no kube-proxy, the pods as candidates', () => {
    const a = ok(s, { from: 'shop/deploy/backend', to: 'database:5432' });
    expect(a.delivered).toBe(true);
    expect(kinds(a)).not.toContain('KubeProxy');
    expect(kinds(a)).not.toContain('ClusterIP');
    expect(a.candidates).toEqual([{ pod: 'shop/database-0', probability: 0.5 }, { pod: 'shop/database-1', probability: 0.5 }]);
    expect(a.destination!.port).toBe(5432);
  });

  it('follows an ExternalName out of the cluster (a CNAME hop, no kube-proxy); an alias for an unknown host is NO_SUCH_HOST', () => {
    const ext = sim(`apiVersion: v1
kind: Service
metadata: {name: db}
spec: {type: ExternalName, externalName: db.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: gone}
spec: {type: ExternalName, externalName: nowhere.invalid}
---
${CLIENT}`);
    const a = ok(ext, { from: 'client', to: 'db:5432' });
    expect(a.drop!.reason).toBe('NO_ROUTE');
    expect(a.drop!.message).toContain('ExternalName');
    expect(a.hops.find((h) => h.kind === 'DNS' && h.note.includes('CNAME db.example.com'))).toBeDefined();
    expect(kinds(a)).not.toContain('KubeProxy');
    const gone = ok(ext, { from: 'client', to: 'gone:80' });
    expect(gone.drop!.reason).toBe('NO_SUCH_HOST');
    expect(gone.drop!.fix).toContain('nowhere.invalid,');
  });

  it('reaches a pod IP from another pod, crossing nodes when it must', () => {
    const db = s.cluster.pods.find((p) => p.key === 'shop/database-0')!;
    const a = ok(s, { from: 'shop/deploy/backend', to: `${db.podIP}:5432` });
    expect(a.delivered).toBe(true);
    expect(a.destination).toEqual({ pod: 'shop/database-0', ip: db.podIP, port: 5432 });
  });
});

describe('from outside the cluster', () => {
  const s = sim(scenario('three-tier'));
  const lbIP = svc(s, 'shop/frontend').loadBalancerIngress[0];

  it('goes through the load balancer, a node\'s nodePort and kube-proxy; 1/3 per endpoint; SNAT to the node', () => {
    const a = ok(s, { from: 'external', to: `http://${lbIP}/` });
    expect(a.delivered).toBe(true);
    expect(kinds(a).slice(0, 4)).toEqual(['Client', 'LoadBalancer', 'NodePort', 'KubeProxy']);
    expect(a.hops[0].ref).toBe('Client');
    expect(a.hops[1].ref).toBe('LoadBalancer/shop/frontend');
    expect(a.hops[2].ref).toBe('Node/node-1');
    expect(a.candidates).toHaveLength(3);
    for (const c of a.candidates) expect(c.probability).toBeCloseTo(1 / 3);
    expect(a.sourceIpAtPod).toBe(node(s, 'node-1').internalIP);
    expect(a.hops[0].packet!.src).toMatch(/^203\.0\.113\.10:/);
    const destNode = s.cluster.pods.find((p) => p.key === a.destination!.pod)!.nodeName;
    expect(kinds(a).includes('Node')).toBe(destNode !== 'node-1');
  });

  it('takes --src-ip for the client and --via-node for the node', () => {
    const a = ok(s, { from: 'external', to: `${lbIP}:80`, srcIp: '198.18.0.9', viaNode: 'node-2' });
    expect(a.hops[0].ip).toBe('198.18.0.9');
    expect(a.hops[2].name).toBe('node-2');
    expect(a.sourceIpAtPod).toBe(node(s, 'node-2').internalIP);
  });

  it('reaches a NodePort on any node\'s IP', () => {
    const n = sim(scenario('nodeport'));
    const a = ok(n, { from: 'external', to: `${node(n, 'node-3').internalIP}:30080` });
    expect(a.delivered).toBe(true);
    expect(a.hops[1]).toMatchObject({ kind: 'NodePort', name: 'node-3', port: 30080 });
    expect(a.destination!.port).toBe(8080);
  });

  it('is PORT_NOT_LISTENING on a node port no Service has, NO_ROUTE to a ClusterIP, a pod IP or an unowned IP', () => {
    const n = sim(scenario('nodeport'));
    const ip = node(n, 'node-1').internalIP;
    expect(ok(n, { from: 'external', to: `${ip}:30081` }).drop!.reason).toBe('PORT_NOT_LISTENING');
    expect(ok(n, { from: 'external', to: `${svc(n, 'default/hello').clusterIP}:80` }).drop!.reason).toBe('NO_ROUTE');
    expect(ok(n, { from: 'external', to: `${n.cluster.pods.find((p) => p.key.startsWith('default/hello'))!.podIP}:8080` }).drop!.reason).toBe('NO_ROUTE');
    const nobody = ok(n, { from: 'external', to: '10.123.45.67:80' });
    expect(nobody.drop!.reason).toBe('NO_ROUTE');
    expect(nobody.drop!.message).toContain('Nothing owns 10.123.45.67');
  });

  it('cannot resolve cluster names from outside (NO_SUCH_HOST); a known outside host is NO_ROUTE', () => {
    const a = ok(s, { from: 'external', to: 'http://frontend.shop.svc.cluster.local/' });
    expect(a.drop!.reason).toBe('NO_SUCH_HOST');
    expect(a.drop!.message).toContain('external DNS only knows load balancer addresses');
    expect(ok(s, { from: 'external', to: 'https://example.com/' }).drop!.reason).toBe('NO_ROUTE');
  });
});

describe('drops, each with a reason, a fix and the lines to change', () => {
  it('NO_ENDPOINTS when the selector matches no pod: rejected, pointing at the selector', () => {
    const text = app({ replicas: 2 }).replace('selector: {app: web}\n  ports', 'selector: {app: wbe}\n  ports') + '---\n' + CLIENT;
    const a = ok(sim(text), { from: 'client', to: 'web:80' });
    expect(a.drop!.reason).toBe('NO_ENDPOINTS');
    expect(a.drop!.message).toContain('app=wbe');
    expect(a.drop!.message).toContain('connection refused');
    const selectorLine = text.split('\n').findIndex((l) => l.includes('app: wbe')) + 1;
    expect(a.drop!.sources).toEqual([{ file: 'test.yaml', line: selectorLine, endLine: selectorLine }]);
    expect(a.candidates).toEqual([]);
  });

  it('CONNECTION_REFUSED on a targetPort the pods do not declare, naming both numbers and both lines', () => {
    const text = app({ replicas: 2, containerPort: 80, targetPort: 8080 }) + '---\n' + CLIENT;
    const a = ok(sim(text), { from: 'client', to: 'web:80' });
    expect(a.delivered).toBe(false);
    expect(a.drop!.reason).toBe('CONNECTION_REFUSED');
    expect(a.drop!.message).toMatch(/targetPort 8080.*containerPort 80/);
    const lines = text.split('\n');
    const tp = lines.findIndex((l) => l.includes('targetPort: 8080')) + 1;
    const cp = lines.findIndex((l) => l.includes('ports:')) + 1;
    expect(a.drop!.sources!.map((x) => x.line)).toEqual([tp, cp]);
    expect(a.hops[a.drop!.hop].kind).toBe('Pod');
  });

  it('a ClusterIP port the Service does not expose: NO_ROUTE under iptables, PORT_NOT_LISTENING under IPVS and nftables', () => {
    const text = app({}) + '---\n' + CLIENT;
    for (const [proxyMode, reason] of [['iptables', 'NO_ROUTE'], ['ipvs', 'PORT_NOT_LISTENING'], ['nftables', 'PORT_NOT_LISTENING']] as const) {
      const a = ok(sim(text, { proxyMode }), { from: 'client', to: 'web:8080' });
      expect(a.drop!.reason, proxyMode).toBe(reason);
      expect(a.drop!.message).toContain('exposes 80/TCP, not 8080/TCP');
    }
  });

  it('SOURCE_RANGE_DENIED for a client outside loadBalancerSourceRanges or the annotation; inside passes', () => {
    const field = sim(app({ type: 'LoadBalancer', extra: '  loadBalancerSourceRanges: [10.0.0.0/8]\n' }));
    const ip = svc(field, 'default/web').loadBalancerIngress[0];
    const denied = ok(field, { from: 'external', to: `${ip}:80` });
    expect(denied.drop!.reason).toBe('SOURCE_RANGE_DENIED');
    expect(denied.hops[denied.drop!.hop].kind).toBe('LoadBalancer');
    expect(ok(field, { from: 'external', to: `${ip}:80`, srcIp: '10.1.2.3' }).delivered).toBe(true);
    const annotated = sim(app({ type: 'LoadBalancer' }).replace('metadata: {name: web, namespace: default}\nspec:\n  type', 'metadata:\n  name: web\n  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: "192.0.2.0/24"}\nspec:\n  type'));
    const a = ok(annotated, { from: 'external', to: `${svc(annotated, 'default/web').loadBalancerIngress[0]}:80` });
    expect(a.drop!.reason).toBe('SOURCE_RANGE_DENIED');
    expect(a.drop!.message).toContain('annotation');
  });

  it('NO_ENDPOINTS when a named targetPort matches no container port', () => {
    const a = ok(sim(app({ portName: 'web' }) + '---\n' + CLIENT), { from: 'client', to: 'web:80' });
    expect(a.drop!.reason).toBe('NO_ENDPOINTS');
    expect(a.drop!.message).toContain('named targetPort "http"');
  });

  it('refuses questions about what does not exist, and bad options', () => {
    const s = sim(scenario('three-tier'));
    const missing = trace(s, { from: 'shop/nope', to: 'backend-api:80' });
    expect(isQuestionError(missing) && missing.error.code).toBe('NOT_FOUND');
    const via = trace(s, { from: 'external', to: '1.2.3.4:80', viaNode: 'node-9' });
    expect(isQuestionError(via) && via.error.message).toContain('node-9');
    expect(isQuestionError(trace(s, { from: 'external', to: 'http://' }))).toBe(true);
  });
});

describe('externalTrafficPolicy and internalTrafficPolicy', () => {
  const s = sim(scenario('external-traffic-policy-local'));

  it('Local: a node without a local endpoint drops the NodePort request (NO_LOCAL_ENDPOINT); the pod\'s node delivers with the client IP kept', () => {
    const dropped = ok(s, { from: 'external', to: `${node(s, 'node-1').internalIP}:30090` });
    expect(dropped.drop!.reason).toBe('NO_LOCAL_ENDPOINT');
    expect(dropped.drop!.message).toContain('node-2');
    // The packet stops at the node whose kube-proxy has no local endpoint.
    expect(dropped.hops[dropped.drop!.hop]).toMatchObject({ kind: 'KubeProxy', name: 'node-1', ref: 'Node/node-1' });
    expect(dropped.drop!.sources![0].line).toBe(scenario('external-traffic-policy-local').split('\n').findIndex((l) => l.includes('  externalTrafficPolicy: Local')) + 1);
    const a = ok(s, { from: 'external', to: `${node(s, 'node-2').internalIP}:30090`, srcIp: '198.18.7.7' });
    expect(a.delivered).toBe(true);
    expect(a.sourceIpAtPod).toBe('198.18.7.7');
    expect(kinds(a)).not.toContain('Node');
  });

  it('Cluster: any node forwards (Node -> Node hop) and the source becomes the receiving node\'s IP', () => {
    const c = sim(scenario('external-traffic-policy-local').replace('  externalTrafficPolicy: Local', '  externalTrafficPolicy: Cluster'));
    const a = ok(c, { from: 'external', to: `${node(c, 'node-1').internalIP}:30090` });
    expect(a.delivered).toBe(true);
    expect(a.sourceIpAtPod).toBe(node(c, 'node-1').internalIP);
    expect(a.hops.find((h) => h.kind === 'Node')).toMatchObject({ name: 'node-2', ref: 'Node/node-2' });
  });

  it('a LoadBalancer with Local: the health check steers to a node with an endpoint; --via-node can force a failing node', () => {
    const lb = sim(scenario('external-traffic-policy-local').replace('type: NodePort', 'type: LoadBalancer'));
    const ip = svc(lb, 'edge/web').loadBalancerIngress[0];
    const a = ok(lb, { from: 'external', to: `${ip}:80` });
    expect(a.delivered).toBe(true);
    expect(a.hops[2].name).toBe('node-2');
    expect(a.hops[1].note).toContain('passes on node-2');
    expect(a.hops[1].note).toContain('fails on node-1, node-3');
    expect(a.sourceIpAtPod).toBe('203.0.113.10');
    expect(ok(lb, { from: 'external', to: `${ip}:80`, viaNode: 'node-3' }).drop!.reason).toBe('NO_LOCAL_ENDPOINT');
  });

  it('from a pod, a Local Service\'s nodePort goes to any endpoint, unmasqueraded', () => {
    const p = sim(scenario('external-traffic-policy-local') + '---\n' + CLIENT);
    const a = ok(p, { from: 'client', to: `${node(p, 'node-1').internalIP}:30090` });
    expect(a.delivered).toBe(true);
    expect(a.sourceIpAtPod).toBe(p.cluster.pods.find((x) => x.name === 'client')!.podIP);
  });

  it('internalTrafficPolicy Local: a pod on a node without an endpoint is dropped (NO_LOCAL_ENDPOINT)', () => {
    const text = app({ replicas: 1, extra: '  internalTrafficPolicy: Local\n', podExtra: '      nodeName: node-2\n' }) + '---\n' + CLIENT;
    const a = ok(sim(text), { from: 'client', to: 'web:80' });
    expect(a.drop!.reason).toBe('NO_LOCAL_ENDPOINT');
    expect(a.drop!.message).toContain('internalTrafficPolicy Local');
    const here = ok(sim(text.replace('nodeName: node-1', 'nodeName: node-2')), { from: 'client', to: 'web:80' });
    expect(here.delivered).toBe(true);
  });
});

describe('balancing: probabilities, seeds, affinity, proxy modes', () => {
  const text = app({ type: 'LoadBalancer' });

  it('the same seed gives the same pod; different seeds reach every pod', () => {
    const s = sim(text);
    const ip = svc(s, 'default/web').loadBalancerIngress[0];
    const pick = (seed: number) => ok(s, { from: 'external', to: `${ip}:80`, seed }).destination!.pod;
    expect(pick(7)).toBe(pick(7));
    expect(new Set(Array.from({ length: 30 }, (_, i) => pick(i))).size).toBe(3);
  });

  it('sendMany spreads over every endpoint under iptables; perPod lists them all', () => {
    const s = sim(text);
    const r = many(s, { from: 'external', to: `${svc(s, 'default/web').loadBalancerIngress[0]}:80`, count: 300 });
    expect(r.count).toBe(300);
    expect(r.delivered).toBe(300);
    expect(r.perPod).toHaveLength(3);
    for (const p of r.perPod) expect(p.count).toBeGreaterThan(60);
    expect(r.first.delivered).toBe(true);
  });

  it('sessionAffinity ClientIP: 20 requests from one client land on one pod; the note says later ones stick', () => {
    const s = sim(scenario('session-affinity'));
    const to = `${svc(s, 'shop/cart').loadBalancerIngress[0]}:80`;
    const r = many(s, { from: 'external', to, count: 20 });
    expect(r.perPod.filter((p) => p.count > 0)).toHaveLength(1);
    expect(r.perPod).toHaveLength(3);
    expect(r.first.candidates.map((c) => c.probability)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(r.first.hops.find((h) => h.kind === 'KubeProxy')!.note).toContain('later requests from 203.0.113.10 stick');
  });

  it('IPVS sh: a client always lands on one pod (candidates say so); rr goes round evenly; lc starts at the first server', () => {
    const s = sim(text, { proxyMode: 'ipvs', ipvsScheduler: 'sh' });
    const to = `${svc(s, 'default/web').loadBalancerIngress[0]}:80`;
    const r = many(s, { from: 'external', to, count: 20 });
    expect(r.perPod.filter((p) => p.count > 0)).toHaveLength(1);
    expect(r.first.candidates.filter((c) => c.probability === 1)).toHaveLength(1);
    const clients = ['203.0.113.10', '203.0.113.11', '203.0.113.12', '198.51.100.200', '192.0.2.1', '192.0.2.77'];
    expect(new Set(clients.map((srcIp) => ok(s, { from: 'external', to, srcIp }).destination!.pod)).size).toBeGreaterThan(1);
    const rr = many(sim(text, { proxyMode: 'ipvs', ipvsScheduler: 'rr' }), { from: 'external', to, count: 21 });
    expect(rr.perPod.map((p) => p.count)).toEqual([7, 7, 7]);
    const lc = ok(sim(text, { proxyMode: 'ipvs', ipvsScheduler: 'lc' }), { from: 'external', to });
    expect(lc.candidates.filter((c) => c.probability === 1)).toHaveLength(1);
  });

  it('resolves a named targetPort per pod: two pods with different numbers for the same name', () => {
    const pods = ['a', 'b'].map((n, i) => `apiVersion: v1
kind: Pod
metadata: {name: ${n}, labels: {app: web}}
spec:
  nodeName: node-${i + 2}
  containers: [{name: c, image: x, ports: [{name: http, containerPort: ${8080 + i}}]}]
`);
    const s = sim([...pods, `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`, CLIENT].join('---\n'));
    const r = many(s, { from: 'client', to: 'web:80', count: 40 });
    expect(r.perPod.map((p) => p.pod)).toEqual(['default/a', 'default/b']);
    const ports = new Map<string, number>();
    for (let seed = 0; seed < 20; seed++) {
      const a = ok(s, { from: 'client', to: 'web:80', seed });
      expect(a.delivered).toBe(true);
      ports.set(a.destination!.pod, a.destination!.port);
    }
    expect(Object.fromEntries(ports)).toEqual({ 'default/a': 8080, 'default/b': 8081 });
  });

  it('falls back to serving, terminating endpoints when none is ready', () => {
    const s = sim(`apiVersion: v1
kind: Pod
metadata: {name: old, labels: {app: web}, deletionTimestamp: "2024-01-01T00:00:00Z"}
spec: {nodeName: node-2, containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.244.1.50, conditions: [{type: Ready, status: "True"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
${CLIENT}`);
    const a = ok(s, { from: 'client', to: 'web:80' });
    expect(a.delivered).toBe(true);
    expect(a.hops.find((h) => h.kind === 'KubeProxy')!.note).toContain('falls back to the serving, terminating');
  });

  it('a pasted kube-proxy ConfigMap sets the mode and scheduler, over the page\'s setting', () => {
    const configMap = `apiVersion: v1
kind: ConfigMap
metadata: {name: kube-proxy, namespace: kube-system}
data:
  config.conf: |
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    mode: "ipvs"
    ipvs:
      scheduler: "sh"
`;
    const s = sim(`${text}---\n${configMap}`, { proxyMode: 'nftables' });
    expect(s.cluster.settings.proxyMode).toBe('ipvs');
    expect(s.cluster.settings.ipvsScheduler).toBe('sh');
    expect(s.cluster.settings.proxyModeSource).toMatchObject({ file: 'test.yaml' });
    const a = ok(s, { from: 'external', to: `${svc(s, 'default/web').loadBalancerIngress[0]}:80` });
    expect(a.hops.find((h) => h.kind === 'KubeProxy')!.note).toContain('IPVS sh');
    const plain = sim(text, { proxyMode: 'nftables' });
    expect(plain.cluster.settings.proxyMode).toBe('nftables');
    expect(plain.cluster.settings.proxyModeSource).toBeNull();
  });

  it('caps sendMany at 1000 and says UDP has no HTTP status', () => {
    const s = sim(text);
    const to = `${svc(s, 'default/web').loadBalancerIngress[0]}:80`;
    expect(many(s, { from: 'external', to, count: 5000 }).count).toBe(1000);
    const udp = sim(app({}).replace('port: 80', 'port: 80\n      protocol: UDP').replace('containerPort: 8080', 'containerPort: 8080\n              protocol: UDP') + '---\n' + CLIENT);
    const a = ok(udp, { from: 'client', to: 'web:80', protocol: 'UDP' });
    expect(a.delivered).toBe(true);
    expect(a.status).toBeNull();
  });
});

describe('NetworkPolicy on the way', () => {
  /** A default-deny policy of one direction for the pods labelled app=<app>. */
  const denyAll = (name: string, app: string, direction: 'Ingress' | 'Egress') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: default}
spec:
  podSelector: {matchLabels: {app: ${app}}}
  policyTypes: [${direction}]
`;
  const denyEgress = denyAll('deny-egress', 'client', 'Egress');
  const denyIngress = denyAll('deny-ingress', 'web', 'Ingress');

  it('a default-deny egress without a DNS allowance fails at the DNS step', () => {
    const a = ok(sim([app({}), CLIENT, denyEgress].join('---\n')), { from: 'client', to: 'web:80' });
    expect(a.drop!.reason).toBe('POLICY_DENIED_EGRESS');
    expect(a.drop!.message).toContain('DNS is blocked');
    expect(a.hops[a.drop!.hop].kind).toBe('Policy');
    expect(kinds(a)).not.toContain('ClusterIP');
  });

  it('an egress policy that allows DNS but not the Service drops at the source, after DNAT, before the packet leaves the node', () => {
    const allowDnsOnly = denyAll('dns-only', 'client', 'Egress') + `  egress:
    - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{port: 53, protocol: UDP}]
`;
    const a = ok(sim([app({}), CLIENT, allowDnsOnly].join('---\n')), { from: 'client', to: 'web:80' });
    expect(a.drop!.reason).toBe('POLICY_DENIED_EGRESS');
    expect(a.drop!.message).toContain('default/dns-only');
    expect(kinds(a).slice(-3)).toEqual(['ClusterIP', 'KubeProxy', 'Policy']);
    expect(a.hops[a.drop!.hop].ref).toBe('Pod/default/client');
  });

  it('an ingress policy at the destination drops after DNAT, naming the policy', () => {
    const text = [app({}), CLIENT, denyIngress].join('---\n');
    const a = ok(sim(text), { from: 'client', to: 'web:80' });
    expect(a.drop!.reason).toBe('POLICY_DENIED_INGRESS');
    expect(a.drop!.message).toContain('default/deny-ingress');
    expect(a.hops[a.drop!.hop].kind).toBe('Policy');
    expect(a.hops[a.drop!.hop].ref).toMatch(/^Pod\/default\/web-/);
    expect(kinds(a)).toContain('KubeProxy');
    const flannel = ok(sim(text, { networkPlugin: 'flannel' }), { from: 'client', to: 'web:80' });
    expect(flannel.delivered).toBe(true);
  });

  it('a pod reaching itself through its own Service is hairpin traffic: Calico judges it by the ingress policy, Cilium lets it through', () => {
    const text = [app({ replicas: 1 }), denyIngress].join('---\n');
    const calico = ok(sim(text), { from: 'default/deploy/web', to: 'web:80' });
    expect(calico.drop!.reason).toBe('POLICY_DENIED_INGRESS');
    expect(calico.drop!.message).toContain('default/deny-ingress');
    const cilium = ok(sim(text, { networkPlugin: 'cilium' }), { from: 'default/deploy/web', to: 'web:80' });
    expect(cilium.delivered).toBe(true);
  });
});

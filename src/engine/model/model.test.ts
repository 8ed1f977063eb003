import { describe, expect, it } from 'vitest';
import { simulate } from '../index';
import type { Simulation } from '../types';

const run = (text: string, settings = {}) => simulate([{ name: 'app.yaml', text }], settings);
const userPods = (sim: Simulation) => sim.cluster.pods.filter((p) => !p.builtin);
const svc = (sim: Simulation, key: string) => sim.cluster.services.find((s) => s.key === key)!;

const deployment = (name: string, replicas: number | string = 3, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    owner-only: "yes"
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:${extra}
      containers:
        - name: c
          image: nginx
          ports:
            - name: http
              containerPort: 8080
`;

describe('pods from workloads', () => {
  it('makes Deployment pods named <deploy>-<10 chars>-<5 chars>, one per node, labelled from the template', () => {
    const sim = run(deployment('web'));
    const pods = userPods(sim);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.labels.app).toBe('web');
      expect(p.labels['owner-only']).toBeUndefined();
      expect(p.owner).toEqual({ kind: 'Deployment', name: 'web' });
      expect(p.phase).toBe('Running');
      expect(p.ready).toBe(true);
      expect(p.containers[0].ports[0]).toEqual({ name: 'http', containerPort: 8080, protocol: 'TCP' });
    }
    expect(new Set(pods.map((p) => p.nodeName)).size).toBe(3);
    expect(sim.cluster.workloads).toEqual([expect.objectContaining({ key: 'Deployment/default/web', replicas: 3, pods: pods.map((p) => p.key) })]);
  });

  it('keeps pod names of one workload when another one is edited', () => {
    const a = run(`${deployment('web')}---\n${deployment('api', 2)}`);
    const b = run(`${deployment('web')}---\n${deployment('api', 5)}`);
    const names = (s: Simulation, prefix: string) => userPods(s).filter((p) => p.name.startsWith(prefix)).map((p) => p.name);
    expect(names(a, 'web-')).toEqual(names(b, 'web-'));
  });

  it('defaults replicas to 1 and makes none for replicas 0', () => {
    expect(userPods(run(deployment('web', 1).replace('  replicas: 1\n', '')))).toHaveLength(1);
    expect(userPods(run(deployment('web', 0)))).toHaveLength(0);
  });

  it('names StatefulSet pods by ordinal with hostname and subdomain', () => {
    const sim = run(`apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db-hl\n  replicas: 2\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: c}]}\n`);
    expect(userPods(sim).map((p) => [p.name, p.hostname, p.subdomain])).toEqual([['db-0', 'db-0', 'db-hl'], ['db-1', 'db-1', 'db-hl']]);
  });

  it('puts one DaemonSet pod on each node that fits its nodeSelector', () => {
    const nodes = [1, 2, 3].map((i) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: w${i}\n  labels: {disk: ${i === 2 ? 'hdd' : 'ssd'}}\n`).join('---\n');
    const sim = run(`${nodes}---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      nodeSelector: {disk: ssd}\n      containers: [{name: c}]\n`);
    const pods = userPods(sim).filter((p) => p.owner?.kind === 'DaemonSet');
    expect(pods.map((p) => p.nodeName)).toEqual(['w1', 'w3']);
    for (const p of pods) expect(p.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(sim.cluster.nodes.map((n) => n.name)).toEqual(['w1', 'w2', 'w3']);
  });

  it('makes ReplicaSet and Job pods; a Job runs min(parallelism, completions) pods', () => {
    const sim = run(`apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: rs}}\n  template:\n    metadata: {labels: {app: rs}}\n    spec: {containers: [{name: c}]}\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: job}\nspec:\n  parallelism: 3\n  completions: 2\n  template:\n    spec: {containers: [{name: c}], restartPolicy: Never}\n`);
    const pods = userPods(sim);
    expect(pods.filter((p) => p.owner?.kind === 'ReplicaSet')).toHaveLength(2);
    const jobPods = pods.filter((p) => p.owner?.kind === 'Job');
    expect(jobPods).toHaveLength(2);
    expect(jobPods[0].labels['job-name']).toBe('job');
  });

  it('reads sidecar init containers only (restartPolicy: Always)', () => {
    const sim = run(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - {name: setup, ports: [{name: x, containerPort: 1}]}\n    - {name: proxy, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}\n  containers: [{name: app}]\n`);
    expect(userPods(sim)[0].initContainers.map((c) => c.name)).toEqual(['proxy']);
  });
});

describe('scheduling and pod addresses', () => {
  it('gives pods IPs from their node’s pod CIDR starting at .2', () => {
    const sim = run(deployment('web'));
    for (const p of sim.cluster.pods) {
      const node = sim.cluster.nodes.find((n) => n.name === p.nodeName)!;
      expect(p.podIP!.startsWith(node.podCIDR.replace(/0\/24$/, ''))).toBe(true);
      expect(p.hostIP).toBe(node.internalIP);
    }
    expect(sim.cluster.nodes.map((n) => [n.name, n.podCIDR, n.internalIP, n.builtin])).toEqual([
      ['node-1', '10.244.0.0/24', '172.18.0.2', true],
      ['node-2', '10.244.1.0/24', '172.18.0.3', true],
      ['node-3', '10.244.2.0/24', '172.18.0.4', true],
    ]);
    expect(sim.cluster.pods.find((p) => p.builtin)!.podIP).toBe('10.244.0.2');
  });

  it('lets input nodeName, status and deletionTimestamp win; hostNetwork pods take the node IP', () => {
    const sim = run(`apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {nodeName: node-3, containers: [{name: c}]}\nstatus:\n  podIP: 10.244.2.77\n  phase: Running\n  conditions: [{type: Ready, status: "False"}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, deletionTimestamp: "2024-01-01T00:00:00Z"}\nspec: {hostNetwork: true, containers: [{name: c}]}\n`);
    const [a, b] = userPods(sim);
    expect([a.nodeName, a.podIP, a.ready, a.phase]).toEqual(['node-3', '10.244.2.77', false, 'Running']);
    expect(b.terminating).toBe(true);
    expect(b.podIP).toBe(sim.cluster.nodes.find((n) => n.name === b.nodeName)!.internalIP);
  });

  it('leaves a pod that fits no node Pending without IP, with a warning at its nodeSelector', () => {
    const sim = run(`apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeSelector:\n    gpu: "true"\n  containers: [{name: c}]\n`);
    const a = userPods(sim)[0];
    expect([a.phase, a.podIP, a.nodeName]).toEqual(['Pending', null, null]);
    expect(sim.diagnostics).toContainEqual(expect.objectContaining({ code: 'KN4005', severity: 'warning', line: 5, object: 'Pod/default/a' }));
  });

  it('does not schedule onto NotReady nodes', () => {
    const nodes = `apiVersion: v1\nkind: Node\nmetadata: {name: a}\nstatus: {conditions: [{type: Ready, status: "False"}]}\n---\napiVersion: v1\nkind: Node\nmetadata: {name: b}\n`;
    const sim = run(`${nodes}---\n${deployment('web', 2)}`);
    expect(userPods(sim).map((p) => p.nodeName)).toEqual(['b', 'b']);
  });
});

describe('namespaces', () => {
  it('has the built-in namespaces and implicit ones, each labelled with its name', () => {
    const sim = run(`apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: a}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: other}\n`);
    expect(sim.cluster.namespaces.map((n) => [n.name, n.implicit])).toEqual([
      ['default', true], ['kube-node-lease', true], ['kube-public', true], ['kube-system', true], ['other', true], ['shop', false],
    ]);
    expect(sim.cluster.namespaces.find((n) => n.name === 'shop')!.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
  });
});

describe('service allocation', () => {
  const service = (name: string, extra = '', type = 'ClusterIP') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  type: ${type}\n  selector: {app: ${name}}\n  ports:\n    - port: 80${extra}\n`;

  it('allocates ClusterIPs inside the CIDR, never .1 or .10, stable across unrelated edits', () => {
    const a = run(`${service('a')}---\n${service('b')}`);
    const b = run(`${service('b')}---\n${service('c')}---\n${service('a')}`);
    expect(svc(a, 'default/a').clusterIP).toBe(svc(b, 'default/a').clusterIP);
    expect(svc(a, 'default/b').clusterIP).toBe(svc(b, 'default/b').clusterIP);
    for (const s of b.cluster.services.filter((x) => !x.builtin)) {
      expect(s.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./);
      expect(['10.96.0.1', '10.96.0.10']).not.toContain(s.clusterIP);
    }
  });

  it('keeps input clusterIPs and nodePorts; a conflict is an error on the later object', () => {
    const text = `${service('a', '\n      nodePort: 30080', 'NodePort').replace('spec:\n', 'spec:\n  clusterIP: 10.96.5.5\n')}---\n${service('b', '\n      nodePort: 30080', 'NodePort').replace('spec:\n', 'spec:\n  clusterIP: 10.96.5.5\n')}`;
    const sim = run(text);
    expect(svc(sim, 'default/a').clusterIP).toBe('10.96.5.5');
    expect(svc(sim, 'default/a').ports[0].nodePort).toBe(30080);
    expect(svc(sim, 'default/b').clusterIP).not.toBe('10.96.5.5');
    expect(svc(sim, 'default/b').ports[0].nodePort).not.toBe(30080);
    const errs = sim.diagnostics.filter((d) => d.severity === 'error');
    expect(errs.map((d) => [d.code, d.object, d.line])).toEqual([
      ['KN3011', 'Service/default/b', 16],
      ['KN3009', 'Service/default/b', 21],
    ]);
  });

  it('rejects a clusterIP outside the service CIDR or a built-in address', () => {
    const sim = run(`${service('a').replace('spec:\n', 'spec:\n  clusterIP: 10.0.0.5\n')}---\n${service('b').replace('spec:\n', 'spec:\n  clusterIP: 10.96.0.10\n')}`);
    expect(sim.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['KN3010', 'KN3011']);
  });

  it('allocates nodePorts in range, LoadBalancer IPs from the cloud pool, health check ports for Local', () => {
    const sim = run(`${service('lb', '', 'LoadBalancer').replace('spec:\n', 'spec:\n  externalTrafficPolicy: Local\n')}---\n${service('np', '\n      protocol: UDP', 'NodePort')}---\n${service('nolbports', '', 'LoadBalancer').replace('spec:\n', 'spec:\n  allocateLoadBalancerNodePorts: false\n')}---\n${service('given', '', 'LoadBalancer')}status:\n  loadBalancer:\n    ingress: [{ip: 192.0.2.9}]\n`);
    const lb = svc(sim, 'default/lb');
    expect(lb.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(lb.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(lb.loadBalancerIngress[0]).toMatch(/^198\.51\.100\./);
    expect(lb.externalTrafficPolicy).toBe('Local');
    expect(lb.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(svc(sim, 'default/np').ports[0]).toMatchObject({ protocol: 'UDP', targetPort: 80 });
    expect(svc(sim, 'default/nolbports').ports[0].nodePort).toBeNull();
    expect(svc(sim, 'default/given').loadBalancerIngress).toEqual(['192.0.2.9']);
    const ports = sim.cluster.services.flatMap((s) => s.ports.map((p) => p.nodePort)).filter((p) => p !== null);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('keeps allocated nodePorts inside a small node port range, and says when the range is full', () => {
    const ports = (n: number) => Array.from({ length: n }, (_, i) => `    - {name: p${i}, port: ${80 + i}}`).join('\n');
    const text = `apiVersion: v1\nkind: Service\nmetadata: {name: np}\nspec:\n  type: NodePort\n  ports:\n${ports(3)}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: late}\nspec:\n  type: NodePort\n  ports:\n${ports(1)}\n`;
    const sim = run(text, { nodePortRange: { min: 30000, max: 30002 } });
    expect(svc(sim, 'default/np').ports.map((p) => p.nodePort).sort()).toEqual([30000, 30001, 30002]);
    expect(svc(sim, 'default/late').ports[0].nodePort).toBeNull();
    expect(sim.diagnostics.map((d) => [d.code, d.object])).toEqual([['KN4007', 'Service/default/late']]);
  });

  it('refuses a given healthCheckNodePort that is out of range or already allocated, like a nodePort', () => {
    const lb = (name: string, hc: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: ${hc}\n  selector: {app: ${name}}\n  ports: [{port: 80}]\n`;
    const sim = run(`${service('np', '\n      nodePort: 30100', 'NodePort')}---\n${lb('taken', 30100)}---\n${lb('outside', 80)}---\n${lb('fine', 30200)}`);
    expect(svc(sim, 'default/fine').healthCheckNodePort).toBe(30200);
    for (const key of ['default/taken', 'default/outside']) {
      expect(svc(sim, key).healthCheckNodePort).toBeGreaterThanOrEqual(30000);
      expect(svc(sim, key).healthCheckNodePort).not.toBe(30100);
    }
    expect(sim.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.object, d.line])).toEqual([
      ['KN3009', 'Service/default/taken', 17],
      ['KN3008', 'Service/default/outside', 27],
    ]);
  });

  it('applies API server defaults', () => {
    const sim = run(`${service('a')}---\n${service('b', '', 'NodePort').replace('spec:\n', 'spec:\n  sessionAffinity: ClientIP\n')}---\napiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: db.example.com}\n---\n${service('h').replace('spec:\n', 'spec:\n  clusterIP: None\n')}`);
    expect(svc(sim, 'default/a')).toMatchObject({ externalTrafficPolicy: null, internalTrafficPolicy: 'Cluster', sessionAffinity: 'None', sessionAffinityTimeoutSeconds: null, publishNotReadyAddresses: false });
    expect(svc(sim, 'default/b')).toMatchObject({ externalTrafficPolicy: 'Cluster', sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 10800 });
    expect(svc(sim, 'default/ext')).toMatchObject({ clusterIP: null, externalName: 'db.example.com', headless: false });
    expect(svc(sim, 'default/h')).toMatchObject({ clusterIP: 'None', headless: true });
    expect(sim.cluster.endpointSlices.filter((s) => s.service === 'default/ext')).toEqual([]);
  });

  it('adds the built-in kubernetes and kube-dns Services unless the input has its own', () => {
    const sim = run('');
    expect(svc(sim, 'default/kubernetes')).toMatchObject({ clusterIP: '10.96.0.1', selector: null, builtin: true, source: null });
    expect(svc(sim, 'kube-system/kube-dns')).toMatchObject({ clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' } });
    expect(sim.cluster.pods.filter((p) => p.labels['k8s-app'] === 'kube-dns')).toHaveLength(2);
    const own = run(`apiVersion: v1\nkind: Service\nmetadata: {name: kubernetes}\nspec:\n  clusterIP: 10.96.0.1\n  ports: [{name: https, port: 443, targetPort: 6443}]\n`);
    expect(own.cluster.services.filter((s) => s.key === 'default/kubernetes')).toEqual([expect.objectContaining({ builtin: false })]);
    expect(own.diagnostics).toEqual([]);
  });
});

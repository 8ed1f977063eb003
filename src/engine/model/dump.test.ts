import { describe, expect, it } from 'vitest';
import { simulate } from '../index';

// The shape of `kubectl get deploy,rs,pods,svc,endpointslices -o yaml` from a real cluster.
const dump = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: default}
  spec:
    replicas: 2
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata:
    name: web-5d4f8b7c9
    namespace: default
    ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web}]
  spec:
    replicas: 2
    selector: {matchLabels: {app: web, pod-template-hash: 5d4f8b7c9}}
    template:
      metadata: {labels: {app: web, pod-template-hash: 5d4f8b7c9}}
      spec: {containers: [{name: c, ports: [{containerPort: 8080}]}]}
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-5d4f8b7c9-abcde
    namespace: default
    labels: {app: web, pod-template-hash: 5d4f8b7c9}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f8b7c9}]
  spec: {nodeName: kind-worker, containers: [{name: c, ports: [{containerPort: 8080}]}]}
  status: {phase: Running, podIP: 10.244.1.7, hostIP: 172.19.0.3, conditions: [{type: Ready, status: "True"}]}
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-5d4f8b7c9-fghij
    namespace: default
    labels: {app: web, pod-template-hash: 5d4f8b7c9}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f8b7c9}]
  spec: {nodeName: kind-worker2, containers: [{name: c, ports: [{containerPort: 8080}]}]}
  status: {phase: Running, podIP: 10.244.2.9, hostIP: 172.19.0.4, conditions: [{type: Ready, status: "False"}]}
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: default}
  spec:
    clusterIP: 10.96.120.7
    selector: {app: web}
    ports: [{port: 80, targetPort: 8080, protocol: TCP}]
- apiVersion: v1
  kind: Node
  metadata: {name: kind-worker}
  spec: {podCIDR: 10.244.1.0/24}
  status: {addresses: [{type: InternalIP, address: 172.19.0.3}]}
- apiVersion: v1
  kind: Node
  metadata: {name: kind-worker2}
  spec: {podCIDR: 10.244.2.0/24}
  status: {addresses: [{type: InternalIP, address: 172.19.0.4}]}
`;

describe('a kubectl dump of a real cluster', () => {
  it('keeps its pods, nodes and addresses and makes no extra pods for its workloads', () => {
    const sim = simulate([{ name: 'dump.yaml', text: dump }]);
    expect(sim.diagnostics).toEqual([]);
    const pods = sim.cluster.pods.filter((p) => p.namespace === 'default');
    expect(pods.map((p) => [p.name, p.nodeName, p.podIP, p.hostIP, p.ready])).toEqual([
      ['web-5d4f8b7c9-abcde', 'kind-worker', '10.244.1.7', '172.19.0.3', true],
      ['web-5d4f8b7c9-fghij', 'kind-worker2', '10.244.2.9', '172.19.0.4', false],
    ]);
    expect(sim.cluster.workloads.map((w) => [w.key, w.pods.length])).toEqual([
      ['Deployment/default/web', 0],
      ['ReplicaSet/default/web-5d4f8b7c9', 2],
    ]);
    expect(sim.cluster.nodes.map((n) => [n.name, n.internalIP, n.podCIDR, n.builtin])).toEqual([
      ['kind-worker', '172.19.0.3', '10.244.1.0/24', false],
      ['kind-worker2', '172.19.0.4', '10.244.2.0/24', false],
    ]);
    expect(sim.cluster.services.find((s) => s.key === 'default/web')!.clusterIP).toBe('10.96.120.7');
    const eps = sim.cluster.endpointSlices.filter((s) => s.service === 'default/web').flatMap((s) => s.endpoints);
    expect(eps.map((e) => [e.addresses[0], e.conditions.ready])).toEqual([['10.244.1.7', true], ['10.244.2.9', false]]);
    // CoreDNS pods land on the dump's nodes, with addresses that avoid the dump's pods
    const dns = sim.cluster.pods.filter((p) => p.builtin);
    expect(dns.map((p) => p.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2']);
    expect(dns.map((p) => p.podIP)).not.toContain('10.244.1.7');
  });
});

// What every cluster has before anything is applied: the kubernetes Service and CoreDNS behind kube-dns.
import type { ClusterSettings, EndpointSlice, Node, Service } from '../types';
import { makePlan, type PodPlan } from './pods';
import { safeSuffix } from './hash';
import type { Draft } from './services';

function baseService(namespace: string, name: string, clusterIP: string): Service {
  return {
    key: `${namespace}/${name}`, name, namespace, type: 'ClusterIP', labels: {}, annotations: {}, clusterIP, headless: false,
    ports: [], selector: null, externalName: null, externalIPs: [], loadBalancerIngress: [], loadBalancerSourceRanges: [],
    externalTrafficPolicy: null, internalTrafficPolicy: 'Cluster', healthCheckNodePort: null, sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: null, publishNotReadyAddresses: false, allocateLoadBalancerNodePorts: null, builtin: true, source: null,
  };
}

export function kubernetesService(firstIP: string): Draft {
  const s = baseService('default', 'kubernetes', firstIP);
  s.labels = { component: 'apiserver', provider: 'kubernetes' };
  s.ports = [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443, nodePort: null, appProtocol: null }];
  return { service: s, obj: null, portIndex: [0], givenClusterIP: firstIP };
}

export function kubeDnsService(settings: ClusterSettings): Draft {
  const s = baseService('kube-system', 'kube-dns', settings.dnsServiceIP);
  s.labels = { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' };
  s.selector = { 'k8s-app': 'kube-dns' };
  s.ports = [
    { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53, nodePort: null, appProtocol: null },
    { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53, nodePort: null, appProtocol: null },
    { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153, nodePort: null, appProtocol: null },
  ];
  return { service: s, obj: null, portIndex: [0, 1, 2], givenClusterIP: settings.dnsServiceIP };
}

/** The API server's own slice for default/kubernetes: the first node's address on 6443. */
export function kubernetesSlice(nodes: Node[]): EndpointSlice {
  const ip = nodes[0]?.internalIP;
  return {
    name: 'kubernetes', namespace: 'default', service: 'default/kubernetes', addressType: 'IPv4',
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    endpoints: ip ? [{ addresses: [ip], targetRef: null, nodeName: null, zone: null, hostname: null, conditions: { ready: true, serving: true, terminating: false } }] : [],
    fromInput: false, source: null,
  };
}

export function coreDnsPlans(taken: Set<string>): PodPlan[] {
  const spec = {
    dnsPolicy: 'Default',
    containers: [{
      name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.12.0',
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ],
    }],
  };
  const hash = safeSuffix('Deployment/kube-system/coredns#template', 10);
  return [0, 1].map((i) => {
    const name = `coredns-${hash}-${safeSuffix(`Deployment/kube-system/coredns#${i}`)}`;
    taken.add(`kube-system/${name}`);
    return makePlan({ namespace: 'kube-system', name }, { spec, labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': hash } }, null,
      { kind: 'Deployment', name: 'coredns' }, null, 'Deployment/kube-system/coredns', { builtin: true });
  });
}

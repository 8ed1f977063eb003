// The numbered diagnostic catalogue: one stable code per kind of finding. Editor markers, panels and
// tests all key on these codes; never renumber, only add.
import type { Severity } from '../types';

export interface CatalogueEntry {
  code: string;
  severity: Severity;
  title: string;
  /** The kubernetes.io page that explains the rule. */
  docs: string;
}

const DOCS = 'https://kubernetes.io/docs';
const SVC = `${DOCS}/concepts/services-networking/service/`;
const NETPOL = `${DOCS}/concepts/services-networking/network-policies/`;
const DNS = `${DOCS}/concepts/services-networking/dns-pod-service/`;

function entry(code: string, severity: Severity, title: string, docs: string): CatalogueEntry {
  return { code, severity, title, docs };
}

export const DIAGNOSTIC_CATALOGUE = {
  // Reading the input
  KN1001: entry('KN1001', 'error', 'YAML syntax error', `${DOCS}/concepts/overview/working-with-objects/`),
  KN1002: entry('KN1002', 'error', 'Document is not an object', `${DOCS}/concepts/overview/working-with-objects/`),
  KN1003: entry('KN1003', 'error', 'Missing kind, apiVersion or metadata.name', `${DOCS}/concepts/overview/working-with-objects/#required-fields`),
  KN1004: entry('KN1004', 'info', 'Kind kept but not simulated', `${DOCS}/concepts/overview/working-with-objects/`),
  KN1005: entry('KN1005', 'info', 'Kind not simulated yet', `${DOCS}/concepts/services-networking/`),
  KN1006: entry('KN1006', 'error', 'Field has the wrong type', `${DOCS}/reference/kubernetes-api/`),
  // Object metadata
  KN2001: entry('KN2001', 'error', 'Invalid object name', `${DOCS}/concepts/overview/working-with-objects/names/`),
  KN2002: entry('KN2002', 'error', 'Invalid label key', `${DOCS}/concepts/overview/working-with-objects/labels/#syntax-and-character-set`),
  KN2003: entry('KN2003', 'error', 'Invalid label value', `${DOCS}/concepts/overview/working-with-objects/labels/#syntax-and-character-set`),
  KN2004: entry('KN2004', 'error', 'Duplicate object', `${DOCS}/concepts/overview/working-with-objects/names/`),
  KN2005: entry('KN2005', 'error', 'Invalid namespace name', `${DOCS}/concepts/overview/working-with-objects/namespaces/`),
  // Service rules the API server enforces
  KN3001: entry('KN3001', 'error', 'Multi-port Service with an unnamed port', `${SVC}#multi-port-services`),
  KN3002: entry('KN3002', 'error', 'Duplicate Service port name', `${SVC}#multi-port-services`),
  KN3003: entry('KN3003', 'error', 'Duplicate Service port and protocol', `${SVC}#multi-port-services`),
  KN3004: entry('KN3004', 'error', 'Port out of range', `${SVC}#defining-a-service`),
  KN3005: entry('KN3005', 'error', 'targetPort out of range', `${SVC}#defining-a-service`),
  KN3006: entry('KN3006', 'error', 'Invalid named targetPort', `${SVC}#field-spec-ports`),
  KN3007: entry('KN3007', 'error', 'nodePort on a ClusterIP Service', `${SVC}#type-nodeport`),
  KN3008: entry('KN3008', 'error', 'nodePort out of range', `${SVC}#type-nodeport`),
  KN3009: entry('KN3009', 'error', 'nodePort already allocated', `${SVC}#nodeport-custom-port`),
  KN3010: entry('KN3010', 'error', 'clusterIP not valid for the service CIDR', `${DOCS}/concepts/services-networking/cluster-ip-allocation/`),
  KN3011: entry('KN3011', 'error', 'clusterIP already allocated', `${DOCS}/concepts/services-networking/cluster-ip-allocation/`),
  KN3012: entry('KN3012', 'error', 'Headless NodePort or LoadBalancer Service', `${SVC}#headless-services`),
  KN3013: entry('KN3013', 'error', 'ExternalName missing or invalid', `${SVC}#externalname`),
  KN3014: entry('KN3014', 'error', 'externalTrafficPolicy on a ClusterIP Service', `${DOCS}/reference/networking/virtual-ips/#external-traffic-policy`),
  KN3015: entry('KN3015', 'error', 'Session affinity timeout out of range', `${DOCS}/reference/networking/virtual-ips/#session-affinity`),
  KN3016: entry('KN3016', 'error', 'Service without ports', `${SVC}#defining-a-service`),
  KN3017: entry('KN3017', 'error', 'Invalid protocol', `${DOCS}/reference/networking/service-protocols/`),
  KN3018: entry('KN3018', 'error', 'Invalid Service type', `${SVC}#publishing-services-service-types`),
  KN3019: entry('KN3019', 'error', 'Invalid Service port name', `${SVC}#multi-port-services`),
  KN3020: entry('KN3020', 'error', 'ExternalName Service with a clusterIP', `${SVC}#externalname`),
  KN3021: entry('KN3021', 'error', 'Invalid traffic policy', `${DOCS}/reference/networking/virtual-ips/#traffic-policies`),
  KN3022: entry('KN3022', 'error', 'Invalid session affinity', `${DOCS}/reference/networking/virtual-ips/#session-affinity`),
  KN3023: entry('KN3023', 'error', 'Invalid or misplaced load balancer field', `${SVC}#loadbalancer`),
  // Reviewer warnings: works, but likely a mistake
  KN4001: entry('KN4001', 'warning', 'Service selector matches no pod', `${DOCS}/tasks/debug/debug-application/debug-service/#does-the-service-have-any-endpoints`),
  KN4002: entry('KN4002', 'warning', 'targetPort not exposed by the selected pods', `${DOCS}/tasks/debug/debug-application/debug-service/#is-the-kube-proxy-working`),
  KN4003: entry('KN4003', 'warning', 'Named targetPort with a different protocol', `${SVC}#field-spec-ports`),
  KN4004: entry('KN4004', 'warning', 'ExternalName looks like an IP address', `${SVC}#externalname`),
  KN4005: entry('KN4005', 'warning', 'Pod fits no node', `${DOCS}/concepts/scheduling-eviction/assign-pod-node/`),
  KN4006: entry('KN4006', 'warning', 'Pod bound to a node that does not exist', `${DOCS}/concepts/scheduling-eviction/assign-pod-node/#nodename`),
  KN4007: entry('KN4007', 'warning', 'No free address or node port left', `${DOCS}/concepts/services-networking/cluster-ip-allocation/`),
  // Workloads
  KN5001: entry('KN5001', 'error', 'Workload selector does not match its template labels', `${DOCS}/concepts/workloads/controllers/deployment/#selector`),
  KN5002: entry('KN5002', 'error', 'Workload without a selector', `${DOCS}/concepts/workloads/controllers/deployment/#selector`),
  KN5003: entry('KN5003', 'error', 'Invalid container port', `${DOCS}/reference/kubernetes-api/workload-resources/pod-v1/#ports`),
  // Input limits: what the simulator declines to expand, so a hostile or huge paste stays fast
  KN8001: entry('KN8001', 'warning', 'Input too large: the rest is not read', `${DOCS}/concepts/overview/working-with-objects/`),
  KN8002: entry('KN8002', 'warning', 'Too many objects: the rest are not simulated', `${DOCS}/concepts/overview/working-with-objects/`),
  KN8003: entry('KN8003', 'warning', 'Too many pods: the rest are not built', `${DOCS}/concepts/workloads/controllers/deployment/#scaling-a-deployment`),
  KN8004: entry('KN8004', 'error', 'YAML aliases expand too far', `${DOCS}/concepts/overview/working-with-objects/`),
  KN8005: entry('KN8005', 'error', 'YAML nested too deeply', `${DOCS}/concepts/overview/working-with-objects/`),
  // Pod DNS (src/engine/dns)
  KN6001: entry('KN6001', 'error', 'Invalid dnsPolicy', `${DNS}#pod-s-dns-policy`),
  KN6002: entry('KN6002', 'error', 'dnsPolicy None without a nameserver', `${DNS}#pod-dns-config`),
  KN6003: entry('KN6003', 'error', 'Invalid dnsConfig nameservers', `${DNS}#pod-dns-config`),
  KN6004: entry('KN6004', 'error', 'Invalid dnsConfig searches', `${DNS}#pod-dns-config`),
  KN6005: entry('KN6005', 'error', 'dnsConfig option without a name', `${DNS}#pod-dns-config`),
  KN6006: entry('KN6006', 'error', 'Invalid pod hostname or subdomain', `${DNS}#pod-s-hostname-and-subdomain-fields`),
  KN6007: entry('KN6007', 'warning', 'hostNetwork pod that cannot resolve Services', `${DNS}#pod-s-dns-policy`),
  KN6008: entry('KN6008', 'warning', 'No Service for the pods\' subdomain', `${DNS}#pod-s-hostname-and-subdomain-fields`),
  // NetworkPolicy (src/engine/policy)
  KN7001: entry('KN7001', 'error', 'Invalid policyTypes', `${NETPOL}#networkpolicy-resource`),
  KN7002: entry('KN7002', 'error', 'Invalid endPort', `${NETPOL}#targeting-a-range-of-ports`),
  KN7003: entry('KN7003', 'error', 'Invalid ipBlock CIDR', `${NETPOL}#networkpolicy-resource`),
  KN7004: entry('KN7004', 'error', 'ipBlock except outside its cidr', `${NETPOL}#networkpolicy-resource`),
  KN7005: entry('KN7005', 'error', 'Invalid NetworkPolicy peer', `${NETPOL}#behavior-of-to-and-from-selectors`),
  KN7006: entry('KN7006', 'error', 'Invalid NetworkPolicy port', `${NETPOL}#networkpolicy-resource`),
  KN7007: entry('KN7007', 'error', 'Invalid label selector', `${DOCS}/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements`),
  KN7008: entry('KN7008', 'warning', 'Egress isolation leaves DNS blocked', `${NETPOL}#default-deny-all-egress-traffic`),
  KN7009: entry('KN7009', 'warning', 'NetworkPolicy selects no pod', `${NETPOL}#networkpolicy-resource`),
  KN7010: entry('KN7010', 'warning', 'namespaceSelector matches no namespace', `${NETPOL}#targeting-a-namespace-by-its-name`),
  KN7011: entry('KN7011', 'warning', 'Named port that no pod declares', `${NETPOL}#networkpolicy-resource`),
  KN7012: entry('KN7012', 'warning', 'NetworkPolicy not enforced by the network plugin', `${NETPOL}#prerequisites`),
  KN7013: entry('KN7013', 'info', 'Two peers where one was probably meant', `${NETPOL}#behavior-of-to-and-from-selectors`),
  KN7014: entry('KN7014', 'warning', 'Rules ignored by policyTypes', `${NETPOL}#networkpolicy-resource`),
  KN7015: entry('KN7015', 'info', 'ipBlock covers pod addresses', `${NETPOL}#networkpolicy-resource`),
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOGUE;

// The engine's plain-data model. Everything here crosses the worker boundary and is printed
// as JSON by the command line: no classes, no Maps, no functions.
import type { NetworkPolicy } from './policy/types';

/** One input file (the editor's text is one file, named by the page). */
export interface InputFile {
  name: string;
  text: string;
}

/** Editor lines to highlight (1-based, inclusive). */
export interface FieldLines {
  file: string;
  line: number;
  endLine: number;
}

/** Where something came from: 1-based line and column, 0-based offsets, in `file`. */
export interface SourceRange {
  file: string;
  /** 0-based index of the YAML document inside the file. */
  doc: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable code from the catalogue (`diagnostics/catalogue.ts`), e.g. `NS1001`. */
  code: string;
  /** One sentence a learner understands, saying what to change. */
  message: string;
  /** `Kind/namespace/name` (cluster-scoped: `Kind/name`) of the object concerned, when there is one. */
  object?: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ClusterSettings {
  clusterDomain: string;
  serviceCIDR: string;
  /** Pod CIDRs are `10.244.<n>.0/24`, one per node in order, unless a Node says otherwise. */
  podCIDRBase: string;
  nodePortRange: { min: number; max: number };
  /** Addresses the simulated cloud hands to LoadBalancer Services. */
  loadBalancerPool: string;
  dnsServiceIP: string;
  /** CoreDNS's kubernetes plugin as a pasted Corefile sets it (its zone is then clusterDomain); absent: kubeadm's Corefile. */
  coreDns?: CoreDnsConfig;
  maxEndpointsPerSlice: number;
  /** kube-proxy's mode (a pasted kube-proxy ConfigMap's `mode` wins over the page's choice). */
  proxyMode: ProxyMode;
  /** The IPVS scheduler, used when `proxyMode` is `ipvs`. */
  ipvsScheduler: IpvsScheduler;
  /** The CNI: whether and how NetworkPolicy is enforced. */
  networkPlugin: NetworkPlugin;
  /** Names the simulated upstream resolver knows (outside the cluster domain): FQDN without trailing dot -> IPv4. */
  upstreamHosts: Record<string, string>;
  /** Where proxyMode and ipvsScheduler came from: a pasted kube-proxy ConfigMap's `config.conf`, or null (the page's setting). */
  proxyModeSource?: SourceRange | null;
}

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';
export type IpvsScheduler = 'rr' | 'wrr' | 'lc' | 'wlc' | 'lblc' | 'lblcr' | 'sh' | 'dh' | 'sed' | 'nq';
/** calico and cilium enforce NetworkPolicy (and differ on ipBlock vs pod IPs, hairpin); flannel does not. */
export type NetworkPlugin = 'calico' | 'cilium' | 'flannel';

export interface Namespace {
  name: string;
  labels: Record<string, string>;
  /** True when no Namespace object was given and an object merely named it. */
  implicit: boolean;
  source: SourceRange | null;
}

export interface Node {
  name: string;
  internalIP: string;
  podCIDR: string;
  labels: Record<string, string>;
  zone: string | null;
  ready: boolean;
  /** True for the three default nodes the engine supplies when the input has no Node objects. */
  builtin: boolean;
  source: SourceRange | null;
}

export interface ContainerPort {
  name: string | null;
  containerPort: number;
  protocol: Protocol;
}

export interface Container {
  name: string;
  image: string | null;
  ports: ContainerPort[];
}

export interface OwnerRef {
  kind: string;
  name: string;
}

export interface Pod {
  /** `namespace/name` */
  key: string;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  nodeName: string | null;
  podIP: string | null;
  hostIP: string | null;
  hostNetwork: boolean;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  ready: boolean;
  terminating: boolean;
  containers: Container[];
  /** Sidecar (restartPolicy: Always) init containers, whose ports count for named targetPorts. */
  initContainers: Container[];
  hostname: string | null;
  subdomain: string | null;
  dnsPolicy: string;
  /** `spec.dnsConfig` as written (merged into resolv.conf by the kubelet); absent or null when not given. */
  dnsConfig?: PodDnsConfig | null;
  /** `spec.enableServiceLinks` (default true): false keeps only the kubernetes Service's environment variables. */
  enableServiceLinks?: boolean;
  /** The workload that made it (Deployment, StatefulSet, ...), or null for a Pod object. */
  owner: OwnerRef | null;
  /** True for pods the engine supplies (CoreDNS). */
  builtin: boolean;
  /** The Pod object, or the workload whose template made it. */
  source: SourceRange | null;
}

export interface PodDnsConfig {
  nameservers: string[];
  searches: string[];
  /** `options` entries; value null for a flag such as `use-vc`. */
  options: Array<{ name: string; value: string | null }>;
}

/** What a pasted CoreDNS ConfigMap (kube-system/coredns) says about the `kubernetes` plugin. */
export interface CoreDnsConfig {
  /** The plugin's zones as written (`cluster.local in-addr.arpa ip6.arpa`). */
  zones: string[];
  /** Record TTL in seconds (plugin default 5; kubeadm's Corefile says 30). */
  ttl: number;
  /** `pods disabled | insecure | verified` (plugin default disabled; kubeadm's Corefile says insecure). */
  pods: 'disabled' | 'insecure' | 'verified';
  /** The Corefile's place in the input. */
  source: SourceRange | null;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  name: string | null;
  protocol: Protocol;
  port: number;
  /** A number, or a container port name resolved per pod. */
  targetPort: number | string;
  nodePort: number | null;
  appProtocol: string | null;
}

export interface Service {
  key: string;
  name: string;
  namespace: string;
  type: ServiceType;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** null for ExternalName; 'None' for headless. */
  clusterIP: string | null;
  headless: boolean;
  ports: ServicePort[];
  /** null when the Service has no selector (or `selector: {}`): no EndpointSlices are made. */
  selector: Record<string, string> | null;
  externalName: string | null;
  externalIPs: string[];
  /** Load balancer ingress addresses (status, or allocated from the simulated cloud pool). */
  loadBalancerIngress: string[];
  loadBalancerSourceRanges: string[];
  externalTrafficPolicy: 'Cluster' | 'Local' | null;
  internalTrafficPolicy: 'Cluster' | 'Local';
  healthCheckNodePort: number | null;
  sessionAffinity: 'None' | 'ClientIP';
  sessionAffinityTimeoutSeconds: number | null;
  publishNotReadyAddresses: boolean;
  allocateLoadBalancerNodePorts: boolean | null;
  builtin: boolean;
  source: SourceRange | null;
}

export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface Endpoint {
  addresses: string[];
  /** `namespace/pod` */
  targetRef: string | null;
  nodeName: string | null;
  zone: string | null;
  hostname: string | null;
  conditions: EndpointConditions;
}

export interface EndpointPort {
  name: string | null;
  port: number;
  protocol: Protocol;
}

export interface EndpointSlice {
  name: string;
  namespace: string;
  /** `namespace/name` of the Service it belongs to. */
  service: string;
  addressType: 'IPv4' | 'IPv6';
  ports: EndpointPort[];
  endpoints: Endpoint[];
  /** True when the slice came from the input rather than the controller. */
  fromInput: boolean;
  source: SourceRange | null;
}

/** Every object found in the input, known kinds and unknown ones alike. */
export interface InputObject {
  /** `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds. */
  key: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | null;
  source: SourceRange;
}

export interface Workload {
  key: string;
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job';
  name: string;
  namespace: string;
  replicas: number;
  /** Keys of the pods it made. */
  pods: string[];
  source: SourceRange;
}

export interface Cluster {
  settings: ClusterSettings;
  namespaces: Namespace[];
  nodes: Node[];
  pods: Pod[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  workloads: Workload[];
  /** NetworkPolicy objects with the API server's defaults applied (src/engine/policy). */
  networkPolicies: NetworkPolicy[];
  objects: InputObject[];
  /** Lines of fields a trace explanation points at, keyed by `services/fieldLines.ts` fieldKey (object source + field). */
  fieldSources?: Record<string, FieldLines>;
}

/** What `simulate` returns: the model and every diagnostic (parse, build and validation). */
export interface Simulation {
  cluster: Cluster;
  diagnostics: Diagnostic[];
  /** True when some input could not be read at all (a YAML syntax error, say). */
  hasParseErrors: boolean;
}

// ---- Answers to questions (shapes fixed by ../shared/cli-contract.md) ----

export interface EndpointsAnswer {
  services: Array<{
    service: string;
    type: ServiceType;
    clusterIP: string | null;
    slices: Array<{
      name: string;
      addressType: 'IPv4' | 'IPv6';
      ports: EndpointPort[];
      endpoints: Array<{
        addresses: string[];
        targetRef: string | null;
        nodeName: string | null;
        conditions: EndpointConditions;
      }>;
    }>;
  }>;
}

export interface ValidateAnswer {
  diagnostics: Array<{
    severity: Severity;
    code: string;
    message: string;
    object: string | null;
    file: string;
    line: number;
    column: number;
  }>;
}

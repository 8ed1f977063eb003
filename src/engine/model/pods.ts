// Pod plans: what each Pod object and each workload asks for, before scheduling gives nodes and IPs.
import type { Container, ContainerPort, Node, OwnerRef, Pod, PodDnsConfig, Protocol, SourceRange, Workload } from '../types';
import type { ParsedObject } from '../parse/parse';
import { bool, field, int, isRecord, list, str, stringMap, type Json } from '../parse/read';
import { safeSuffix, stableStringify } from './hash';
import { MAX_PODS } from '../parse/limits';

export const WORKLOAD_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;

/** A pod waiting for the scheduler. Internal. */
export interface PodPlan {
  pod: Pod;
  nodeSelector: Record<string, string>;
  /** Object whose diagnostics this pod's scheduling problems go to. */
  origin: ParsedObject | null;
  originKey: string;
  inputPodIP: string | null;
  inputHostIP: string | null;
  givenPhase: Pod['phase'] | null;
  givenReady: boolean | null;
}

export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export function isProtocol(v: unknown): v is Protocol {
  return (PROTOCOLS as readonly unknown[]).includes(v);
}

export function readProtocol(v: unknown): Protocol {
  return v === 'UDP' || v === 'SCTP' ? v : 'TCP';
}

function readContainers(v: unknown, sidecarsOnly: boolean): Container[] {
  const out: Container[] = [];
  list(v).forEach((c, i) => {
    if (!isRecord(c)) return;
    if (sidecarsOnly && c.restartPolicy !== 'Always') return;
    const ports: ContainerPort[] = [];
    for (const p of list(c.ports)) {
      const containerPort = int(field(p, 'containerPort'));
      if (containerPort === undefined) continue;
      ports.push({ name: str(field(p, 'name')) || null, containerPort, protocol: readProtocol(field(p, 'protocol')) });
    }
    out.push({ name: str(c.name) ?? `container-${i}`, image: str(c.image) ?? null, ports });
  });
  return out;
}

/** `spec.dnsConfig`, leniently: non-string entries are dropped (validation reports them). */
function readDnsConfig(v: unknown): PodDnsConfig | null {
  if (!isRecord(v)) return null;
  const strings = (x: unknown) => list(x).filter((e): e is string => typeof e === 'string');
  const options = list(v.options).flatMap((o) => {
    const name = str(field(o, 'name'));
    if (!name) return [];
    const value = field(o, 'value');
    return [{ name, value: typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null }];
  });
  return { nameservers: strings(v.nameservers), searches: strings(v.searches), options };
}

interface PodSpecParts {
  spec: Json;
  labels: Record<string, string>;
}

export function makePlan(
  key: { namespace: string; name: string },
  parts: PodSpecParts,
  source: SourceRange | null,
  owner: OwnerRef | null,
  origin: ParsedObject | null,
  originKey: string,
  extra: { hostname?: string | null; subdomain?: string | null; nodeName?: string | null; status?: unknown; terminating?: boolean; builtin?: boolean },
): PodPlan {
  const spec = parts.spec;
  const status = extra.status;
  const phase = str(field(status, 'phase'));
  const readyCond = list(field(status, 'conditions')).find((c) => isRecord(c) && c.type === 'Ready');
  const hostname = extra.hostname !== undefined ? extra.hostname : (str(spec.hostname) ?? null);
  const subdomain = extra.subdomain !== undefined ? extra.subdomain : (str(spec.subdomain) ?? null);
  const hostNetwork = bool(spec.hostNetwork) ?? false;
  const pod: Pod = {
    key: `${key.namespace}/${key.name}`,
    name: key.name,
    namespace: key.namespace,
    labels: parts.labels,
    nodeName: extra.nodeName !== undefined ? extra.nodeName : (str(spec.nodeName) || null),
    podIP: null,
    hostIP: null,
    hostNetwork,
    phase: 'Pending',
    ready: false,
    terminating: extra.terminating ?? false,
    containers: readContainers(spec.containers, false),
    initContainers: readContainers(spec.initContainers, true),
    hostname,
    subdomain,
    dnsPolicy: str(spec.dnsPolicy) ?? 'ClusterFirst',
    dnsConfig: readDnsConfig(spec.dnsConfig),
    enableServiceLinks: bool(spec.enableServiceLinks) ?? true,
    owner,
    builtin: extra.builtin ?? false,
    source,
  };
  const podIP = str(field(status, 'podIP'));
  const hostIP = str(field(status, 'hostIP'));
  return {
    pod,
    nodeSelector: stringMap(spec.nodeSelector),
    origin,
    originKey,
    inputPodIP: podIP || null,
    inputHostIP: hostIP || null,
    givenPhase: (PHASES as readonly string[]).includes(phase ?? '') ? (phase as Pod['phase']) : null,
    givenReady: isRecord(readyCond) ? readyCond.status === 'True' : null,
  };
}

export function podFromObject(o: ParsedObject): PodPlan {
  const namespace = o.namespace ?? 'default';
  const spec = isRecord(field(o.value, 'spec')) ? (field(o.value, 'spec') as Json) : {};
  const ownerRef = list(field(o.value, 'metadata', 'ownerReferences')).find((r) => isRecord(r) && typeof r.kind === 'string' && typeof r.name === 'string');
  return makePlan(
    { namespace, name: o.name },
    { spec, labels: stringMap(field(o.value, 'metadata', 'labels')) },
    o.source,
    isRecord(ownerRef) ? { kind: ownerRef.kind as string, name: ownerRef.name as string } : null,
    o,
    `Pod/${namespace}/${o.name}`,
    { status: field(o.value, 'status'), terminating: field(o.value, 'metadata', 'deletionTimestamp') != null },
  );
}

/** The ports a pod serves: its containers' and its sidecar init containers' (the only init containers kept). */
export function containerPorts(pod: Pod): ContainerPort[] {
  return [...pod.containers, ...pod.initContainers].flatMap((c) => c.ports);
}

function nodeMatches(node: Node, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => node.labels[k] === v);
}

/** The pods a workload makes, and the Workload record. `taken` holds pod keys already used (names stay unique). */
/** `limit` is how many pods may still be built (MAX_PODS overall); `workload.replicas` keeps the count asked for. */
export function podsFromWorkload(o: ParsedObject, nodes: Node[], taken: Set<string>, limit = MAX_PODS): { workload: Workload; plans: PodPlan[] } {
  const kind = o.kind as WorkloadKind;
  const namespace = o.namespace ?? 'default';
  const key = `${kind}/${namespace}/${o.name}`;
  const template = field(o.value, 'spec', 'template');
  const spec = isRecord(field(template, 'spec')) ? (field(template, 'spec') as Json) : {};
  const templateLabels = stringMap(field(template, 'metadata', 'labels'));
  const owner: OwnerRef = { kind, name: o.name };
  const replicasRaw = int(field(o.value, 'spec', 'replicas'));
  const replicas = replicasRaw !== undefined && replicasRaw >= 0 ? replicasRaw : 1;
  const built = Math.min(replicas, limit);
  const plans: PodPlan[] = [];
  const unique = (name: string, salt: string): string => {
    let candidate = name;
    for (let round = 1; taken.has(`${namespace}/${candidate}`) && round < 50; round++) {
      candidate = `${name.slice(0, name.lastIndexOf('-'))}-${safeSuffix(`${salt}#${round}`)}`;
    }
    taken.add(`${namespace}/${candidate}`);
    return candidate;
  };
  const add = (name: string, labels: Record<string, string>, extra: Parameters<typeof makePlan>[6]): void => {
    plans.push(makePlan({ namespace, name }, { spec, labels }, o.source, owner, o, key, extra));
  };
  let count = replicas;
  if (kind === 'Deployment') {
    const hash = safeSuffix(stableStringify(template ?? null), 10);
    for (let i = 0; i < built; i++) {
      const salt = `${key}#${i}`;
      add(unique(`${o.name}-${hash}-${safeSuffix(salt)}`, salt), { ...templateLabels, 'pod-template-hash': hash }, {});
    }
  } else if (kind === 'ReplicaSet') {
    for (let i = 0; i < built; i++) {
      const salt = `${key}#${i}`;
      add(unique(`${o.name}-${safeSuffix(salt)}`, salt), { ...templateLabels }, {});
    }
  } else if (kind === 'StatefulSet') {
    const serviceName = str(field(o.value, 'spec', 'serviceName')) || null;
    for (let i = 0; i < built; i++) {
      const name = `${o.name}-${i}`;
      taken.add(`${namespace}/${name}`);
      add(name, { ...templateLabels, 'apps.kubernetes.io/pod-index': String(i), 'statefulset.kubernetes.io/pod-name': name }, { hostname: name, subdomain: serviceName });
    }
  } else if (kind === 'DaemonSet') {
    const selector = stringMap(spec.nodeSelector);
    const eligible = nodes.filter((n) => nodeMatches(n, selector));
    count = eligible.length;
    for (const node of eligible.slice(0, limit)) {
      const salt = `${key}#${node.name}`;
      add(unique(`${o.name}-${safeSuffix(salt)}`, salt), { ...templateLabels }, { nodeName: node.name });
    }
  } else {
    const parallelism = int(field(o.value, 'spec', 'parallelism'));
    const completions = int(field(o.value, 'spec', 'completions'));
    count = Math.max(0, Math.min(parallelism ?? 1, completions ?? Number.MAX_SAFE_INTEGER));
    for (let i = 0; i < Math.min(count, limit); i++) {
      const salt = `${key}#${i}`;
      add(unique(`${o.name}-${safeSuffix(salt)}`, salt), { ...templateLabels, 'batch.kubernetes.io/job-name': o.name, 'job-name': o.name }, {});
    }
  }
  return {
    workload: { key, kind, name: o.name, namespace, replicas: count, pods: plans.map((p) => p.pod.key), source: o.source },
    plans,
  };
}

export { nodeMatches };

// Naming things in a question, as ../shared/cli-contract.md fixes it: `ns/pod`, `pod`
// (namespace default), or kubectl-style `ns/deploy/name`, `ns/sts/name`, `ns/ds/name` (its first pod).
import type { Cluster, Pod } from '../types';
import type { QuestionError } from '../questions';
import { clusterIndex } from '../services/lookup';

const WORKLOAD_ALIASES: Record<string, string> = {
  deploy: 'Deployment', deployment: 'Deployment', deployments: 'Deployment',
  sts: 'StatefulSet', statefulset: 'StatefulSet', statefulsets: 'StatefulSet',
  ds: 'DaemonSet', daemonset: 'DaemonSet', daemonsets: 'DaemonSet',
  rs: 'ReplicaSet', replicaset: 'ReplicaSet', replicasets: 'ReplicaSet',
  job: 'Job', jobs: 'Job',
};

export function questionError(code: 'NOT_FOUND' | 'BAD_ARGUMENT', message: string): QuestionError {
  return { error: { code, message } };
}

/** The answer to a question naming a protocol Kubernetes does not have (reach, matrix). */
export function unsupportedProtocol(given: unknown): QuestionError {
  return questionError('BAD_ARGUMENT', `--protocol ${String(given)} is not supported; use TCP, UDP or SCTP.`);
}

export function isQuestionError(value: unknown): value is QuestionError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** The pod a reference names, or a question error saying what does not exist. */
export function findPod(cluster: Cluster, ref: unknown): Pod | QuestionError {
  if (typeof ref !== 'string' || ref.trim() === '') return questionError('BAD_ARGUMENT', 'name a pod: <namespace>/<pod>, <pod>, or <namespace>/deploy/<name>.');
  const parts = ref.trim().split('/');
  if (parts.some((p) => p === '') || parts.length > 3) return questionError('BAD_ARGUMENT', `"${ref}" is not a pod reference; use <namespace>/<pod>, <pod>, or <namespace>/deploy/<name>.`);
  if (parts.length === 3 || (parts.length === 2 && WORKLOAD_ALIASES[parts[0].toLowerCase()] && !cluster.namespaces.some((n) => n.name === parts[0]))) {
    const [ns, alias, name] = parts.length === 3 ? parts : ['default', parts[0], parts[1]];
    const kind = WORKLOAD_ALIASES[alias.toLowerCase()];
    if (!kind) return questionError('BAD_ARGUMENT', `"${alias}" in "${ref}" is not a workload kind; use deploy, sts, ds, rs or job.`);
    const workload = cluster.workloads.find((w) => w.kind === kind && w.namespace === ns && w.name === name);
    if (!workload) return questionError('NOT_FOUND', `There is no ${kind} ${ns}/${name}.`);
    const { podsByKey } = clusterIndex(cluster);
    const first = workload.pods.map((k) => podsByKey.get(k)).find((p): p is Pod => p !== undefined);
    if (!first) return questionError('NOT_FOUND', `${kind} ${ns}/${name} has no pods.`);
    return first;
  }
  const key = parts.length === 2 ? ref.trim() : `default/${parts[0]}`;
  const pod = clusterIndex(cluster).podsByKey.get(key);
  return pod ?? questionError('NOT_FOUND', `There is no pod ${key}.`);
}

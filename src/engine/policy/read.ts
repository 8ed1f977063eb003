// NetworkPolicy objects -> the model, with the API server's defaults (networking/v1 defaults.go):
// policyTypes [Ingress] plus Egress when egress rules exist; protocol TCP. Lenient: a malformed
// part is read as the narrowest thing it could mean; validate.ts reports it.
import type { Protocol } from '../types';
import { locate, type FieldPath, type ParsedObject } from '../parse/parse';
import { field, int, isRecord, isSet, list, str, stringMap } from '../parse/read';
import type { IPBlock, LabelSelector, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType, SourceLines } from './types';

export function readLabelSelector(v: unknown): LabelSelector {
  const matchExpressions = list(field(v, 'matchExpressions')).map((e) => ({
    key: str(field(e, 'key')) ?? '',
    operator: str(field(e, 'operator')) ?? '',
    values: list(field(e, 'values')).map(String),
  }));
  return { matchLabels: stringMap(field(v, 'matchLabels')), matchExpressions };
}

export function lines(o: ParsedObject, path: FieldPath): SourceLines {
  const r = locate(o, path);
  return { file: r.file, line: r.line, endLine: r.endLine };
}

function readPeer(v: unknown): NetworkPolicyPeer {
  const ipBlock = field(v, 'ipBlock');
  return {
    podSelector: isSet(field(v, 'podSelector')) ? readLabelSelector(field(v, 'podSelector')) : null,
    namespaceSelector: isSet(field(v, 'namespaceSelector')) ? readLabelSelector(field(v, 'namespaceSelector')) : null,
    ipBlock: isSet(ipBlock) ? readIPBlock(ipBlock) : null,
  };
}

function readIPBlock(v: unknown): IPBlock {
  return { cidr: str(field(v, 'cidr')) ?? '', except: list(field(v, 'except')).filter((e): e is string => typeof e === 'string') };
}

export function readPolicyProtocol(v: unknown): Protocol | null {
  if (!isSet(v)) return 'TCP';
  return v === 'TCP' || v === 'UDP' || v === 'SCTP' ? v : null;
}

function readPort(v: unknown): NetworkPolicyPort | null {
  const protocol = readPolicyProtocol(field(v, 'protocol'));
  if (protocol === null) return null; // an unknown protocol matches nothing
  const raw = field(v, 'port');
  const port = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : typeof raw === 'number' || typeof raw === 'string' ? raw : null;
  return { protocol, port, endPort: typeof port === 'number' ? (int(field(v, 'endPort')) ?? null) : null };
}

function readRules(o: ParsedObject, direction: 'ingress' | 'egress'): NetworkPolicyRule[] {
  const peersField = direction === 'ingress' ? 'from' : 'to';
  return list(field(o.value, 'spec', direction)).map((r, i) => ({
    peers: list(field(r, peersField)).map(readPeer),
    // A port entry the API server would refuse (bad protocol) is kept as one that matches nothing,
    // so the rule does not widen to "every port".
    ports: list(field(r, 'ports')).map((p) => readPort(p) ?? { protocol: 'TCP' as Protocol, port: -1, endPort: null }),
    source: lines(o, ['spec', direction, i]),
  }));
}

export function readPolicyTypes(o: ParsedObject): PolicyType[] {
  const written = list(field(o.value, 'spec', 'policyTypes')).filter((t): t is PolicyType => t === 'Ingress' || t === 'Egress');
  if (written.length > 0) return [...new Set(written)];
  return list(field(o.value, 'spec', 'egress')).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function readNetworkPolicy(o: ParsedObject): NetworkPolicy {
  const namespace = o.namespace ?? 'default';
  return {
    key: `${namespace}/${o.name}`,
    name: o.name,
    namespace,
    podSelector: readLabelSelector(field(o.value, 'spec', 'podSelector')),
    policyTypes: readPolicyTypes(o),
    ingress: readRules(o, 'ingress'),
    egress: readRules(o, 'egress'),
    source: o.source,
  };
}

export function readNetworkPolicies(objects: ParsedObject[]): NetworkPolicy[] {
  return objects.filter((o) => o.kind === 'NetworkPolicy' && isRecord(o.value)).map(readNetworkPolicy);
}

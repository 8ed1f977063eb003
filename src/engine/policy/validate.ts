// NetworkPolicy diagnostics. This file: what the API server refuses (k/k pkg/apis/networking/validation
// ValidateNetworkPolicySpec, apimachinery ValidateLabelSelector). review.ts: what a reviewer flags.
import type { Cluster, Diagnostic } from '../types';
import { locate, type FieldPath, type ParsedObject } from '../parse/parse';
import { field, isRecord, isSet, list } from '../parse/read';
import { diagnostic } from '../diagnostics/make';
import type { DiagnosticCode } from '../diagnostics/catalogue';
import { objectKey } from '../model/keys';
import { checkLabels } from '../validate/objects';
import { portNameProblem } from '../validate/names';
import { reviewNetworkPolicies } from './review';
import { parseCidr } from './evaluate';

type Report = (code: DiagnosticCode, path: FieldPath, message: string) => void;

export function checkNetworkPolicies(objects: ParsedObject[], cluster: Cluster): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const o of objects) {
    const key = objectKey(o.kind, o.namespace, o.name);
    validateNetworkPolicy(o, (code, path, message) => out.push(diagnostic(code, locate(o, path), message, key)));
  }
  out.push(...reviewNetworkPolicies(objects, cluster));
  return out;
}

function validateNetworkPolicy(o: ParsedObject, report: Report): void {
  checkSelector(field(o.value, 'spec', 'podSelector'), ['spec', 'podSelector'], 'spec.podSelector', report);
  const types = list(field(o.value, 'spec', 'policyTypes'));
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') report('KN7001', ['spec', 'policyTypes', i], `policyTypes may only hold "Ingress" and "Egress" (capitalised), not ${JSON.stringify(t)}.`);
  });
  if (types.length > 2) report('KN7001', ['spec', 'policyTypes'], 'policyTypes may list at most two values, Ingress and Egress; remove the repeated one.');
  for (const [direction, peersField] of [['ingress', 'from'], ['egress', 'to']] as const) {
    list(field(o.value, 'spec', direction)).forEach((rule, r) => {
      const at = (...rest: FieldPath): FieldPath => ['spec', direction, r, ...rest];
      list(field(rule, 'ports')).forEach((p, i) => checkPort(p, at('ports', i), report));
      list(field(rule, peersField)).forEach((peer, i) => checkPeer(peer, at(peersField, i), report));
    });
  }
}

function checkSelector(v: unknown, path: FieldPath, what: string, report: Report): void {
  if (!isRecord(v)) return;
  checkLabels(v.matchLabels, [...path, 'matchLabels'], `${what}.matchLabels`, report);
  list(v.matchExpressions).forEach((e, i) => {
    const at: FieldPath = [...path, 'matchExpressions', i];
    const operator = field(e, 'operator');
    const values = list(field(e, 'values'));
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) report('KN7007', at, `The ${operator} expression on "${String(field(e, 'key'))}" needs at least one value; add values: [...] or use Exists / DoesNotExist.`);
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) report('KN7007', [...at, 'values'], `An ${operator} expression takes no values; remove values (or use In / NotIn to compare them).`);
    } else {
      report('KN7007', [...at, 'operator'], `operator ${JSON.stringify(operator)} is not a label selector operator; use In, NotIn, Exists or DoesNotExist.`);
    }
  });
}

function checkPort(p: unknown, path: FieldPath, report: Report): void {
  const protocol = field(p, 'protocol');
  if (isSet(protocol) && protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') report('KN7006', [...path, 'protocol'], `protocol ${JSON.stringify(protocol)} is not supported; use TCP, UDP or SCTP (uppercase).`);
  const port = field(p, 'port');
  if (typeof port === 'number' && (!Number.isInteger(port) || port < 1 || port > 65535)) report('KN7006', [...path, 'port'], `port ${port} is out of range; use 1-65535 or a container port name.`);
  if (typeof port === 'string' && !/^\d+$/.test(port)) {
    const problem = portNameProblem(port);
    if (problem) report('KN7006', [...path, 'port'], `port "${port}" is neither a number nor a valid port name: ${problem}.`);
  }
  const endPort = field(p, 'endPort');
  if (!isSet(endPort)) return;
  if (!isSet(port)) report('KN7002', [...path, 'endPort'], 'endPort needs a numeric port to start the range; add port: <first port>.');
  else if (typeof port === 'string' && !/^\d+$/.test(port)) report('KN7002', [...path, 'endPort'], `endPort cannot follow the named port "${port}"; give the range's first port as a number.`);
  else if (typeof endPort !== 'number' || !Number.isInteger(endPort) || endPort < 1 || endPort > 65535) report('KN7002', [...path, 'endPort'], `endPort must be a port number from 1 to 65535, not ${JSON.stringify(endPort)}.`);
  else if (endPort < Number(port)) report('KN7002', [...path, 'endPort'], `endPort ${endPort} is below port ${String(port)}; the range must run upwards, so swap them.`);
}

function checkPeer(peer: unknown, path: FieldPath, report: Report): void {
  const has = (f: string) => isSet(field(peer, f));
  if (!has('podSelector') && !has('namespaceSelector') && !has('ipBlock')) {
    report('KN7005', path, 'This peer is empty; give it a podSelector, a namespaceSelector or an ipBlock (to admit everyone, drop the from/to list instead).');
    return;
  }
  if (has('ipBlock') && (has('podSelector') || has('namespaceSelector'))) {
    report('KN7005', [...path, 'ipBlock'], 'An ipBlock cannot share a peer with a selector; make it a separate list item ("- ipBlock: ...").');
  }
  checkSelector(field(peer, 'podSelector'), [...path, 'podSelector'], 'podSelector', report);
  checkSelector(field(peer, 'namespaceSelector'), [...path, 'namespaceSelector'], 'namespaceSelector', report);
  if (has('ipBlock')) checkIPBlock(field(peer, 'ipBlock'), [...path, 'ipBlock'], report);
}

function checkIPBlock(block: unknown, path: FieldPath, report: Report): void {
  const text = field(block, 'cidr');
  const cidr = parseCidr(text);
  if (!cidr) {
    report('KN7003', isSet(text) ? [...path, 'cidr'] : path, `ipBlock.cidr ${isSet(text) ? JSON.stringify(text) : '(missing)'} is not a CIDR; write an address and prefix such as 203.0.113.0/24.`);
    return;
  }
  list(field(block, 'except')).forEach((e, i) => {
    const except = parseCidr(e);
    if (!except) report('KN7003', [...path, 'except', i], `except entry ${JSON.stringify(e)} is not a CIDR; write an address and prefix such as 10.0.0.0/8.`);
    else if (except[0].kind() !== cidr[0].kind() || except[1] <= cidr[1] || !except[0].match(cidr)) {
      report('KN7004', [...path, 'except', i], `except ${String(e)} is not strictly inside cidr ${String(text)}; the API server refuses it — list only smaller ranges inside the cidr.`);
    }
  });
}

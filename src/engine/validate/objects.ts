// Static checks the API server makes on each object (k/k pkg/apis/core/validation and apps/validation).
import type { Diagnostic } from '../types';
import { locate, type FieldPath, type ParsedObject } from '../parse/parse';
import { field, int, isRecord, isSet, list } from '../parse/read';
import { diagnostic } from '../diagnostics/make';
import type { DiagnosticCode } from '../diagnostics/catalogue';
import { objectKey } from '../model/keys';
import { isIPv4 } from '../model/ip';
import { WORKLOAD_KINDS, isProtocol } from '../model/pods';
import ipaddr from 'ipaddr.js';
import { isDNS1123Label, isDNS1123Subdomain, isRFC1035Label, labelKeyProblem, labelValueProblem, portNameProblem } from './names';
import { selectorMatches } from './selectors';

type Report = (code: DiagnosticCode, path: FieldPath, message: string) => void;

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

export function validateObjects(objects: ParsedObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const o of objects) {
    const key = objectKey(o.kind, o.namespace, o.name);
    const report: Report = (code, path, message) => out.push(diagnostic(code, locate(o, path), message, key));
    validateMetadata(o, key, report);
    if (o.kind === 'Service') validateService(o, key, report);
    if ((WORKLOAD_KINDS as readonly string[]).includes(o.kind)) {
      validateWorkload(o, key, report);
      validatePodSpec(field(o.value, 'spec', 'template', 'spec'), ['spec', 'template', 'spec'], report);
    }
    if (o.kind === 'Pod') validatePodSpec(field(o.value, 'spec'), ['spec'], report);
  }
  return out;
}

/** A map of string values (labels, selector): wrong types and bad syntax are errors. */
export function checkLabels(v: unknown, path: FieldPath, what: string, report: Report): void {
  if (!isSet(v)) return;
  if (!isRecord(v)) {
    report('KN1006', path, `${what} must be a mapping of key: value strings, not ${typeName(v)}.`);
    return;
  }
  for (const [k, val] of Object.entries(v)) {
    const keyProblem = labelKeyProblem(k);
    if (keyProblem) report('KN2002', [...path, k], `The label key "${k}" in ${what} is invalid: ${keyProblem}.`);
    if (typeof val !== 'string') {
      report('KN1006', [...path, k], `The value of "${k}" in ${what} must be a string; quote it ("${String(val)}").`);
      continue;
    }
    const valueProblem = labelValueProblem(val);
    if (valueProblem) report('KN2003', [...path, k], `The label value "${val}" for "${k}" in ${what} is invalid: ${valueProblem}.`);
  }
}

function validateMetadata(o: ParsedObject, key: string, report: Report): void {
  const simulatedSubdomain = ['Pod', 'Node', 'EndpointSlice', ...WORKLOAD_KINDS];
  if (o.kind === 'Service' && !isRFC1035Label(o.name)) {
    report('KN2001', ['metadata', 'name'], `The Service name "${o.name}" is invalid: it must be at most 63 lowercase letters, digits and "-", start with a letter and end with a letter or digit (no dots).`);
  } else if (o.kind === 'Namespace' && !isDNS1123Label(o.name)) {
    report('KN2001', ['metadata', 'name'], `The Namespace name "${o.name}" is invalid: use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit.`);
  } else if (simulatedSubdomain.includes(o.kind) && !isDNS1123Subdomain(o.name)) {
    report('KN2001', ['metadata', 'name'], `The ${o.kind} name "${o.name}" is invalid: use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit.`);
  }
  const ns = field(o.value, 'metadata', 'namespace');
  if (isSet(ns) && typeof ns !== 'string') report('KN1006', ['metadata', 'namespace'], `metadata.namespace must be a string, not ${typeName(ns)}.`);
  else if (typeof ns === 'string' && ns !== '' && !isDNS1123Label(ns)) report('KN2005', ['metadata', 'namespace'], `The namespace "${ns}" is not a valid name: use lowercase letters, digits and "-", starting and ending with a letter or digit.`);
  checkLabels(field(o.value, 'metadata', 'labels'), ['metadata', 'labels'], `the labels of ${key}`, report);
  const ann = field(o.value, 'metadata', 'annotations');
  if (isSet(ann) && !isRecord(ann)) report('KN1006', ['metadata', 'annotations'], `metadata.annotations must be a mapping, not ${typeName(ann)}.`);
  const spec = field(o.value, 'spec');
  if (isSet(spec) && !isRecord(spec) && o.kind !== 'Node') report('KN1006', ['spec'], `spec must be a mapping, not ${typeName(spec)}.`);
}

function validateService(o: ParsedObject, key: string, report: Report): void {
  const spec = field(o.value, 'spec');
  const rawType = field(spec, 'type');
  if (isSet(rawType) && !SERVICE_TYPES.includes(rawType as string)) {
    report('KN3018', ['spec', 'type'], `type ${typeName(rawType)} is not a Service type; use ClusterIP, NodePort, LoadBalancer or ExternalName.`);
  }
  const type = SERVICE_TYPES.includes(rawType as string) ? (rawType as string) : 'ClusterIP';
  const clusterIP = field(spec, 'clusterIP');
  if (isSet(clusterIP) && typeof clusterIP !== 'string') report('KN1006', ['spec', 'clusterIP'], `clusterIP must be a string ("None" or an address), not ${typeName(clusterIP)}.`);
  const headless = clusterIP === 'None';
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) report('KN3012', ['spec', 'clusterIP'], `A ${type} Service cannot be headless (clusterIP: None); remove clusterIP or use type ClusterIP.`);
  if (type === 'ExternalName' && typeof clusterIP === 'string' && clusterIP !== '') report('KN3020', ['spec', 'clusterIP'], 'An ExternalName Service has no clusterIP; remove the clusterIP field.');

  // Ports
  const portsRaw = field(spec, 'ports');
  if (isSet(portsRaw) && !Array.isArray(portsRaw)) report('KN1006', ['spec', 'ports'], `spec.ports must be a list of ports, not ${typeName(portsRaw)}.`);
  const ports = list(portsRaw);
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    report('KN3016', field(spec, 'ports') === undefined ? ['spec'] : ['spec', 'ports'], `Service ${o.name} has no ports; add spec.ports (for example "- port: 80") — only headless and ExternalName Services may omit them.`);
  }
  const names = new Map<string, number>();
  const pairs = new Set<string>();
  ports.forEach((p, i) => {
    const at = (...rest: Array<string | number>): FieldPath => ['spec', 'ports', i, ...rest];
    if (!isRecord(p)) {
      report('KN1006', at(), `Each entry of spec.ports must be a mapping such as "port: 80", not ${typeName(p)}.`);
      return;
    }
    const name = p.name;
    if (isSet(name) && typeof name !== 'string') report('KN1006', at('name'), `A port name must be a string, not ${typeName(name)}.`);
    else if (typeof name === 'string' && name !== '') {
      if (!isDNS1123Label(name)) report('KN3019', at('name'), `The port name "${name}" is invalid: use lowercase letters, digits and "-", starting and ending with a letter or digit.`);
      if (names.has(name)) report('KN3002', at('name'), `The port name "${name}" is used twice in this Service; give every port its own name.`);
      names.set(name, i);
    } else if (ports.length > 1) {
      report('KN3001', at(), `This Service has ${ports.length} ports, so every port needs a name; add "name:" to this one (for example name: ${typeof p.port === 'number' ? `port-${p.port}` : 'http'}).`);
    }
    const protocol = p.protocol ?? 'TCP';
    if (!isProtocol(protocol)) report('KN3017', at('protocol'), `protocol ${typeName(protocol)} is not supported; use TCP, UDP or SCTP (uppercase).`);
    const port = p.port;
    if (!isSet(port)) report('KN1006', at(), 'This port has no "port" number; add one (1-65535).');
    else if (typeof port !== 'number' || !Number.isInteger(port)) report('KN1006', at('port'), `port must be a number from 1 to 65535, not ${typeName(port)}.`);
    else if (port < 1 || port > 65535) report('KN3004', at('port'), `port ${port} is out of range; use 1-65535.`);
    else {
      const pair = `${port}/${protocol}`;
      if (pairs.has(pair)) report('KN3003', at('port'), `Port ${pair} appears twice in this Service; each port and protocol pair must be unique.`);
      pairs.add(pair);
    }
    const tp = p.targetPort;
    if (typeof tp === 'number') {
      if (!Number.isInteger(tp) || tp < 0 || tp > 65535) report('KN3005', at('targetPort'), `targetPort ${tp} is out of range; use 1-65535 or a container port name.`);
    } else if (typeof tp === 'string' && tp !== '') {
      const problem = portNameProblem(tp);
      if (problem) report('KN3006', at('targetPort'), `targetPort "${tp}" is neither a number nor a valid port name: ${problem}.`);
    } else if (isSet(tp) && tp !== '') report('KN1006', at('targetPort'), `targetPort must be a number or a port name, not ${typeName(tp)}.`);
    const np = p.nodePort;
    if (isSet(np) && np !== 0) {
      if (typeof np !== 'number' || !Number.isInteger(np)) report('KN1006', at('nodePort'), `nodePort must be a number, not ${typeName(np)}.`);
      else if (type === 'ClusterIP') report('KN3007', at('nodePort'), `nodePort ${np} is not allowed on a ClusterIP Service; set type: NodePort (or LoadBalancer) or remove nodePort.`);
      else if (type === 'ExternalName') report('KN3007', at('nodePort'), 'An ExternalName Service has no nodePorts; remove nodePort.');
    }
  });

  // ExternalName
  const en = field(spec, 'externalName');
  if (type === 'ExternalName') {
    if (typeof en !== 'string' || en === '') report('KN3013', typeof en === 'undefined' ? ['spec'] : ['spec', 'externalName'], 'An ExternalName Service needs spec.externalName, a DNS name such as db.example.com.');
    else {
      const stripped = en.endsWith('.') ? en.slice(0, -1) : en;
      if (!isDNS1123Subdomain(stripped)) report('KN3013', ['spec', 'externalName'], `externalName "${en}" is not a valid DNS name: use lowercase letters, digits, "-" and "." (no "_", no uppercase).`);
    }
  }

  // Traffic policies and affinity
  const externalIPs = list(field(spec, 'externalIPs'));
  const etp = field(spec, 'externalTrafficPolicy');
  if (isSet(etp) && etp !== '') {
    if (etp !== 'Cluster' && etp !== 'Local') report('KN3021', ['spec', 'externalTrafficPolicy'], `externalTrafficPolicy ${typeName(etp)} is invalid; use Cluster or Local.`);
    else if (type === 'ExternalName' || (type === 'ClusterIP' && externalIPs.length === 0)) report('KN3014', ['spec', 'externalTrafficPolicy'], `externalTrafficPolicy applies only to traffic from outside the cluster: remove it, or make the Service type NodePort or LoadBalancer.`);
  }
  const itp = field(spec, 'internalTrafficPolicy');
  if (isSet(itp) && itp !== 'Cluster' && itp !== 'Local') report('KN3021', ['spec', 'internalTrafficPolicy'], `internalTrafficPolicy ${typeName(itp)} is invalid; use Cluster or Local.`);
  for (const [i, ip] of externalIPs.entries()) {
    if (typeof ip !== 'string' || !ipaddr.isValid(ip) || ['unspecified', 'loopback', 'linkLocal', 'multicast'].includes(ipaddr.parse(ip).range())) {
      report('KN1006', ['spec', 'externalIPs', i], `externalIPs entry ${typeName(ip)} must be a routable IP address.`);
    }
  }
  const affinity = field(spec, 'sessionAffinity');
  const timeoutRaw = field(spec, 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds');
  if (isSet(affinity) && affinity !== 'None' && affinity !== 'ClientIP') report('KN3022', ['spec', 'sessionAffinity'], `sessionAffinity ${typeName(affinity)} is invalid; use None or ClientIP.`);
  else if (affinity === 'ClientIP' && isSet(timeoutRaw)) {
    const t = int(timeoutRaw);
    if (t === undefined || t <= 0 || t > 86400) report('KN3015', ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'], `timeoutSeconds ${typeName(timeoutRaw)} is out of range; use 1-86400 seconds (the default is 10800).`);
  } else if (affinity !== 'ClientIP' && isSet(field(spec, 'sessionAffinityConfig'))) {
    report('KN3022', ['spec', 'sessionAffinityConfig'], 'sessionAffinityConfig is only allowed with sessionAffinity: ClientIP; set that or remove the config.');
  }

  // Load balancer fields
  const sourceRanges = field(spec, 'loadBalancerSourceRanges');
  if (isSet(sourceRanges)) {
    if (type !== 'LoadBalancer') report('KN3023', ['spec', 'loadBalancerSourceRanges'], 'loadBalancerSourceRanges only apply to type LoadBalancer; remove them or change the type.');
    list(sourceRanges).forEach((r, i) => {
      if (!isCIDR(r)) report('KN3023', ['spec', 'loadBalancerSourceRanges', i], `loadBalancerSourceRanges entry ${typeName(r)} is not a CIDR such as 203.0.113.0/24.`);
    });
  }
  if (isSet(field(spec, 'allocateLoadBalancerNodePorts')) && type !== 'LoadBalancer') report('KN3023', ['spec', 'allocateLoadBalancerNodePorts'], 'allocateLoadBalancerNodePorts only applies to type LoadBalancer; remove it.');
  const hc = field(spec, 'healthCheckNodePort');
  if (isSet(hc) && hc !== 0 && !(type === 'LoadBalancer' && etp === 'Local')) {
    report('KN3023', ['spec', 'healthCheckNodePort'], 'healthCheckNodePort is only allowed on a LoadBalancer Service with externalTrafficPolicy: Local; remove it.');
  }
  const lbIP = field(spec, 'loadBalancerIP');
  if (isSet(lbIP) && lbIP !== '' && !isIPv4(lbIP) && !(typeof lbIP === 'string' && ipaddr.isValid(lbIP))) report('KN3023', ['spec', 'loadBalancerIP'], `loadBalancerIP ${typeName(lbIP)} is not an IP address.`);

  // Selector
  const selector = field(spec, 'selector');
  checkLabels(selector, ['spec', 'selector'], `the selector of ${key}`, report);
  const pnra = field(spec, 'publishNotReadyAddresses');
  if (isSet(pnra) && typeof pnra !== 'boolean') report('KN1006', ['spec', 'publishNotReadyAddresses'], `publishNotReadyAddresses must be true or false, not ${typeName(pnra)}.`);

}

function validateWorkload(o: ParsedObject, key: string, report: Report): void {
  const spec = field(o.value, 'spec');
  const replicas = field(spec, 'replicas');
  if (isSet(replicas) && (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)) {
    report('KN1006', ['spec', 'replicas'], `replicas must be a whole number of 0 or more, not ${typeName(replicas)}.`);
  }
  for (const f of ['parallelism', 'completions']) {
    const v = field(spec, f);
    if (o.kind === 'Job' && isSet(v) && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) report('KN1006', ['spec', f], `${f} must be a whole number of 0 or more, not ${typeName(v)}.`);
  }
  const template = field(spec, 'template');
  if (template !== undefined && !isRecord(template)) report('KN1006', ['spec', 'template'], `spec.template must be a mapping (a pod template), not ${typeName(template)}.`);
  const templateLabels = field(template, 'metadata', 'labels');
  checkLabels(templateLabels, ['spec', 'template', 'metadata', 'labels'], `the pod template labels of ${key}`, report);
  const selector = field(spec, 'selector');
  if (isSet(selector) && !isRecord(selector)) {
    report('KN1006', ['spec', 'selector'], `spec.selector must be a mapping with matchLabels, not ${typeName(selector)}.`);
    return;
  }
  const matchLabels = field(selector, 'matchLabels');
  checkLabels(matchLabels, ['spec', 'selector', 'matchLabels'], `the selector of ${key}`, report);
  if (o.kind === 'Job') return; // a Job's selector is generated
  const hasMatchLabels = isRecord(matchLabels) && Object.keys(matchLabels).length > 0;
  const expressions = list(field(selector, 'matchExpressions'));
  if (!isRecord(selector) || (!hasMatchLabels && expressions.length === 0)) {
    report('KN5002', isRecord(selector) ? ['spec', 'selector'] : ['spec'], `${o.kind} ${o.name} needs spec.selector.matchLabels (apps/v1 requires it); copy the pod template's labels into it.`);
    return;
  }
  const labels: Record<string, string> = {};
  if (isRecord(templateLabels)) for (const [k, v] of Object.entries(templateLabels)) if (typeof v === 'string') labels[k] = v;
  if (!selectorMatches(selector, labels)) {
    const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
    const sel = isRecord(matchLabels) ? Object.entries(matchLabels).map(([k, v]) => `${k}=${String(v)}`).join(', ') : 'its expressions';
    report('KN5001', ['spec', 'selector'], `The selector of ${o.kind} ${o.name} (${sel}) does not match its pod template labels (${shown}), so the API server refuses it; make them agree.`);
  }
}



function isCIDR(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    ipaddr.parseCIDR(v.trim());
    return true;
  } catch {
    return false;
  }
}

/** Container lists and their ports: the part of a pod spec that Services depend on. */
function validatePodSpec(spec: unknown, at: FieldPath, report: Report): void {
  if (!isSet(spec)) return;
  if (!isRecord(spec)) {
    report('KN1006', at, `The pod spec must be a mapping, not ${typeName(spec)}.`);
    return;
  }
  for (const listName of ['containers', 'initContainers']) {
    const containers = spec[listName];
    if (!isSet(containers)) continue;
    if (!Array.isArray(containers)) {
      report('KN1006', [...at, listName], `${listName} must be a list of containers, not ${typeName(containers)}.`);
      continue;
    }
    containers.forEach((c, i) => {
      if (!isRecord(c)) {
        report('KN1006', [...at, listName, i], `Each entry of ${listName} must be a container mapping, not ${typeName(c)}.`);
        return;
      }
      if (isSet(c.ports) && !Array.isArray(c.ports)) {
        report('KN1006', [...at, listName, i, 'ports'], `ports must be a list such as "- containerPort: 8080", not ${typeName(c.ports)}.`);
        return;
      }
      list(c.ports).forEach((p, j) => {
        const where = [...at, listName, i, 'ports', j];
        if (!isRecord(p)) {
          report('KN1006', where, `Each container port must be a mapping such as "containerPort: 8080", not ${typeName(p)}.`);
          return;
        }
        const cp = p.containerPort;
        if (cp === undefined) {
          const misspelt = Object.keys(p).find((k) => k.toLowerCase() === 'containerport');
          report('KN1006', misspelt ? [...where, misspelt] : where, misspelt
            ? `containerPort is required, and "${misspelt}" is not it: field names are case-sensitive, so write containerPort.`
            : 'containerPort is required: give the port number the container listens on, such as "containerPort: 8080".');
        } else if (typeof cp !== 'number' || !Number.isInteger(cp)) report('KN1006', [...where, 'containerPort'], `containerPort must be a number from 1 to 65535, not ${typeName(cp)}.`);
        else if (cp < 1 || cp > 65535) report('KN5003', [...where, 'containerPort'], `containerPort ${cp} is out of range; use 1-65535.`);
        if (isSet(p.protocol) && !isProtocol(p.protocol)) report('KN3017', [...where, 'protocol'], `protocol ${typeName(p.protocol)} is not supported; use TCP, UDP or SCTP (uppercase).`);
        if (typeof p.name === 'string' && p.name !== '') {
          const problem = portNameProblem(p.name);
          if (problem) report('KN5003', [...where, 'name'], `The container port name "${p.name}" is invalid (${problem}); Services refer to it by this name, so it must be a valid port name such as "http".`);
        } else if (isSet(p.name) && p.name !== '') report('KN1006', [...where, 'name'], `A container port name must be a string, not ${typeName(p.name)}.`);
      });
    });
  }
}

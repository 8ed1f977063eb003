// Pod DNS fields: what the API server refuses (validatePodDNSConfig, validateDNSPolicy, hostname/subdomain)
// and what a reviewer warns about (a hostNetwork pod that cannot resolve Services, a subdomain with no headless Service).
import type { Cluster, Diagnostic } from '../types';
import { locate, type FieldPath, type ParsedObject } from '../parse/parse';
import { field, isRecord, isSet, list, str } from '../parse/read';
import { diagnostic } from '../diagnostics/make';
import type { DiagnosticCode } from '../diagnostics/catalogue';
import { objectKey } from '../model/keys';
import { isIP } from '../model/ip';
import { WORKLOAD_KINDS } from '../model/pods';
import { isDNS1123Label, isDNS1123Subdomain } from '../validate/names';

type Report = (code: DiagnosticCode, path: FieldPath, message: string) => void;

const POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
// pkg/apis/core/validation: MaxDNSNameservers, MaxDNSSearchPathsExpanded, MaxDNSSearchListCharsExpanded.
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;

function checkDnsConfig(spec: Record<string, unknown>, at: FieldPath, report: Report): void {
  const policy = str(spec.dnsPolicy);
  const config = spec.dnsConfig;
  const nameservers = list(field(config, 'nameservers'));
  if (policy === 'None' && nameservers.length === 0) {
    report('KN6002', isSet(config) ? [...at, 'dnsConfig'] : [...at, 'dnsPolicy'], 'dnsPolicy None needs dnsConfig with at least one nameserver: the pod would have no resolver at all.');
  }
  if (!isSet(config)) return;
  if (!isRecord(config)) {
    report('KN1006', [...at, 'dnsConfig'], 'dnsConfig must be a mapping with nameservers, searches and options.');
    return;
  }
  if (nameservers.length > MAX_NAMESERVERS) report('KN6003', [...at, 'dnsConfig', 'nameservers'], `dnsConfig may list at most ${MAX_NAMESERVERS} nameservers (${nameservers.length} given).`);
  nameservers.forEach((ns, i) => {
    if (typeof ns !== 'string' || !isIP(ns)) report('KN6003', [...at, 'dnsConfig', 'nameservers', i], `The nameserver ${JSON.stringify(ns)} must be an IP address, such as 10.96.0.10.`);
  });
  const searches = list(config.searches);
  const joined = searches.filter((s) => typeof s === 'string').join(' ');
  if (searches.length > MAX_SEARCHES || joined.length > MAX_SEARCH_CHARS) {
    report('KN6004', [...at, 'dnsConfig', 'searches'], `dnsConfig may list at most ${MAX_SEARCHES} search domains of at most ${MAX_SEARCH_CHARS} characters in all (${searches.length} given, ${joined.length} characters).`);
  }
  searches.forEach((s, i) => {
    if (typeof s !== 'string' || !isDNS1123Subdomain(s.replace(/\.$/, ''))) {
      report('KN6004', [...at, 'dnsConfig', 'searches', i], `The search domain ${JSON.stringify(s)} is not a lowercase DNS name such as example.com.`);
    }
  });
  list(config.options).forEach((o, i) => {
    if (!isRecord(o) || typeof o.name !== 'string' || o.name === '') report('KN6005', [...at, 'dnsConfig', 'options', i], 'Each dnsConfig option needs a name, such as "name: ndots" with "value: \\"2\\"".');
  });
}

function checkPodSpec(spec: unknown, at: FieldPath, report: Report): void {
  if (!isRecord(spec)) return;
  const policy = spec.dnsPolicy;
  if (isSet(policy) && !POLICIES.includes(policy as string)) {
    report('KN6001', [...at, 'dnsPolicy'], `dnsPolicy ${JSON.stringify(policy)} is not valid; use ClusterFirst, ClusterFirstWithHostNet, Default or None.`);
  }
  checkDnsConfig(spec, at, report);
  for (const name of ['hostname', 'subdomain'] as const) {
    const v = spec[name];
    if (isSet(v) && (typeof v !== 'string' || !isDNS1123Label(v))) {
      report('KN6006', [...at, name], `${name} ${JSON.stringify(v)} must be a DNS label: lowercase letters, digits and "-", at most 63 characters.`);
    }
  }
  if (spec.hostNetwork === true && (policy === undefined || policy === null || policy === 'ClusterFirst')) {
    report('KN6007', [...at, isSet(policy) ? 'dnsPolicy' : 'hostNetwork'], 'A hostNetwork pod with dnsPolicy ClusterFirst gets the node\'s resolver and cannot resolve Service names; set dnsPolicy: ClusterFirstWithHostNet.');
  }
}

/** CoreDNS answers `<hostname>.<svc>` through the Service's endpoints: any Service of that name with endpoints will do. */
function hasService(cluster: Cluster, namespace: string, name: string): boolean {
  return cluster.services.some((s) => s.namespace === namespace && s.name === name && s.type !== 'ExternalName');
}

/** The governing Service a pod's per-pod DNS name depends on: one named like the subdomain (headless, by convention). */
function checkSubdomain(o: ParsedObject, cluster: Cluster, report: Report): void {
  const namespace = o.namespace ?? 'default';
  if (o.kind === 'StatefulSet') {
    const serviceName = str(field(o.value, 'spec', 'serviceName'));
    if (serviceName && !hasService(cluster, namespace, serviceName)) {
      report('KN6008', ['spec', 'serviceName'], `No Service ${namespace}/${serviceName} exists, so the pods get no stable DNS names such as ${o.name}-0.${serviceName}.${namespace}.svc.${cluster.settings.clusterDomain}; add a headless Service (clusterIP: None) of that name.`);
    }
    return;
  }
  const at: FieldPath = o.kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
  const spec = field(o.value, ...at);
  const subdomain = str(field(spec, 'subdomain'));
  const hostname = str(field(spec, 'hostname'));
  if (subdomain && hostname && isDNS1123Label(subdomain) && !hasService(cluster, namespace, subdomain)) {
    report('KN6008', [...at, 'subdomain'], `No Service ${namespace}/${subdomain} exists, so ${hostname}.${subdomain}.${namespace}.svc.${cluster.settings.clusterDomain} does not resolve; add a headless Service (clusterIP: None) of that name.`);
  }
}

export function validatePodDns(objects: ParsedObject[], cluster: Cluster): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const o of objects) {
    const isWorkload = (WORKLOAD_KINDS as readonly string[]).includes(o.kind);
    if (o.kind !== 'Pod' && !isWorkload) continue;
    const key = objectKey(o.kind, o.namespace, o.name);
    const report: Report = (code, path, message) => out.push(diagnostic(code, locate(o, path), message, key));
    const at: FieldPath = o.kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec'];
    checkPodSpec(field(o.value, ...at), at, report);
    checkSubdomain(o, cluster, report);
  }
  return out;
}

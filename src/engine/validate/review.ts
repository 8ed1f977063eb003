// What a careful reviewer adds: things the API server accepts that will not do what was meant.
import type { Cluster, Diagnostic, Pod, Service, ServicePort } from '../types';
import { locate, type FieldPath, type ParsedObject } from '../parse/parse';
import { field, list } from '../parse/read';
import { diagnostic } from '../diagnostics/make';
import { isIP } from '../model/ip';
import { podsInNamespace, selectPods, type LabelIndex } from '../model/labels';
import { resolveTargetPort } from '../model/endpointslices';
import { containerPorts, readProtocol } from '../model/pods';

/** Labels the controllers add; listing them in a hint only adds noise. */
const GENERATED = new Set(['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'batch.kubernetes.io/job-name', 'job-name', 'batch.kubernetes.io/controller-uid', 'controller-uid']);

/** `someYamlUnread`: a document could not be parsed, so the pods it describes are missing and the warnings say so. */
export function reviewCluster(objects: ParsedObject[], cluster: Cluster, index: LabelIndex, someYamlUnread = false): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byKey = new Map<string, ParsedObject>();
  for (const o of objects) if (o.kind === 'Service') byKey.set(`${o.namespace ?? 'default'}/${o.name}`, o);
  for (const s of cluster.services) {
    const o = byKey.get(s.key);
    if (!o || s.builtin) continue;
    const key = `Service/${s.key}`;
    if (s.type === 'ExternalName') {
      if (s.externalName && isIP(s.externalName.replace(/\.$/, ''))) {
        out.push(diagnostic('KN4004', locate(o, ['spec', 'externalName']), `externalName ${s.externalName} is an IP address, but ExternalName makes a DNS CNAME and DNS servers do not resolve IPs as names; use a headless Service with an EndpointSlice for a fixed IP instead.`, key));
      }
      continue;
    }
    if (s.selector === null) continue;
    const selected = selectPods(index, s.namespace, s.selector);
    if (selected.length === 0) {
      out.push(diagnostic('KN4001', locate(o, ['spec', 'selector']), noMatchMessage(s, podsInNamespace(index, s.namespace), someYamlUnread), key));
      continue;
    }
    if (s.headless) continue; // no proxying: targetPort is not used
    s.ports.forEach((p, i) => {
      const resolves = selected.some((pod) => {
        const port = resolveTargetPort(pod, p.targetPort, p.protocol);
        return port !== null && (typeof p.targetPort === 'string' || declares(pod, port, p.protocol));
      });
      if (resolves) return;
      const where = locate(o, targetPortPath(o, p, i));
      const declared = portList(selected);
      if (typeof p.targetPort === 'string') {
        const other = selected.flatMap(containerPorts).find((cp) => cp.name === p.targetPort);
        if (other) {
          out.push(diagnostic('KN4003', where, `targetPort "${p.targetPort}" names a ${other.protocol} container port, but this Service port is ${p.protocol}; a named port matches only the same protocol, so set protocol: ${other.protocol} or fix the container port.`, key));
        } else {
          out.push(diagnostic('KN4002', where, `No container of the pods selected by ${s.key} has a port named "${p.targetPort}", so port ${p.port} has no endpoints; use a name from the pods' ports (${declared || 'none declared'}) or a number.`, key));
        }
      } else if (declared === '') {
        out.push(diagnostic('KN4002', where, `The pods selected by ${s.key} declare no container ports, so nothing shows that they listen on ${p.targetPort}/${p.protocol}; add containerPort ${p.targetPort} to the pod template (or check targetPort).`, key));
      } else {
        out.push(diagnostic('KN4002', where, `No container of the pods selected by ${s.key} declares port ${p.targetPort}/${p.protocol} (they declare ${declared}); if nothing listens on ${p.targetPort}, connections are refused — check targetPort.`, key));
      }
    });
  }
  return out;
}

/** Where a Service port's targetPort is written, or the port entry when targetPort is left to default. */
function targetPortPath(o: ParsedObject, p: ServicePort, modelIndex: number): FieldPath {
  const rawIndex = list(field(o.value, 'spec', 'ports')).findIndex((raw) => field(raw, 'port') === p.port && readProtocol(field(raw, 'protocol')) === p.protocol);
  if (rawIndex < 0) return ['spec', 'ports', modelIndex];
  return field(o.value, 'spec', 'ports', rawIndex, 'targetPort') !== undefined ? ['spec', 'ports', rawIndex, 'targetPort'] : ['spec', 'ports', rawIndex];
}

function declares(pod: Pod, port: number, protocol: string): boolean {
  return containerPorts(pod).some((cp) => cp.containerPort === port && cp.protocol === protocol);
}

function portList(pods: Pod[]): string {
  const seen = new Set<string>();
  for (const pod of pods) {
    for (const p of containerPorts(pod)) seen.add(p.name ? `${p.name}=${p.containerPort}/${p.protocol}` : `${p.containerPort}/${p.protocol}`);
  }
  return [...seen].slice(0, 8).join(', ');
}

function noMatchMessage(s: Service, pods: Pod[], someYamlUnread: boolean): string {
  const sel = Object.entries(s.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  const head = `Service ${s.key} selects ${sel}, but no pod in namespace ${s.namespace} has ${Object.keys(s.selector ?? {}).length > 1 ? 'all those labels' : 'that label'}`;
  const tail = someYamlUnread
    ? 'but some YAML could not be read, so the pods it describes are missing here: fix the syntax error first.'
    : 'a selector that matches nothing is the #1 reason a Service routes nowhere; fix the selector or the pod labels.';
  if (pods.length === 0) return `${head}; there are no pods in namespace ${s.namespace} at all — ${tail}`;
  const keys = Object.keys(s.selector ?? {});
  const pairs = new Set<string>();
  for (const pod of pods) for (const [k, v] of Object.entries(pod.labels)) if (keys.includes(k)) pairs.add(`${k}=${v}`);
  if (pairs.size === 0) for (const pod of pods) for (const [k, v] of Object.entries(pod.labels)) if (!GENERATED.has(k)) pairs.add(`${k}=${v}`);
  const shown = [...pairs].sort().slice(0, 8);
  const more = pairs.size > shown.length ? ', …' : '';
  return `${head}; pods there have ${shown.length > 0 ? shown.join(', ') + more : 'no labels'} — ${tail}`;
}

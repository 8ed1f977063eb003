// The one sentence a reach answer ends with: which side decided, by which policy and rule.
import type { NetworkPlugin, Protocol } from '../types';
import type { Endpoint } from './evaluate';
import type { DirectionVerdict, ReachAnswer } from './types';

interface Context {
  src: Endpoint;
  dst: Endpoint;
  port: number;
  protocol: Protocol;
  plugin: NetworkPlugin;
  viaService?: string;
}

function name(e: Endpoint): string {
  return e.pod ? e.pod.key : `${e.ip ?? 'an unknown address'}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function allowedText(side: DirectionVerdict, dir: 'egress' | 'ingress', who: Endpoint): string {
  if (!who.pod) return `${name(who)} is not a pod, so no ${dir} policy applies to it`;
  if (!side.isolated) return `no policy isolates ${who.pod.key} for ${dir}`;
  const first = side.selecting.find((s) => s.rule !== null)!;
  return `${dir} of ${who.pod.key} is allowed by ${first.policy} (spec.${dir}[${first.rule}])`;
}

function deniedText(side: DirectionVerdict, dir: 'egress' | 'ingress', who: Endpoint, otherEnd: Endpoint, c: Context): string {
  const policies = side.selecting.map((s) => s.policy);
  const their = policies.length === 1 ? 'its' : 'their';
  const toward = dir === 'egress' ? `to ${name(otherEnd)}` : `from ${name(otherEnd)}`;
  return `${who.pod!.key} is isolated for ${dir} by ${list(policies)}, and none of ${their} ${dir} rules allows traffic ${toward} on ${c.port < 0 ? 'that port' : c.port}/${c.protocol}`;
}

const PLUGIN_NOTE = {
  'ipBlock-pod-ip': (plugin: NetworkPlugin) => plugin === 'cilium'
    ? ' (plugin-specific: Cilium does not match pod IPs against ipBlock rules; Calico would)'
    : ' (plugin-specific: Calico matches pod IPs against ipBlock rules; Cilium would not)',
  hairpin: (plugin: NetworkPlugin) => plugin === 'calico' ? ' (plugin-specific: Calico applies policy when a pod reaches itself through its own Service; Cilium would allow it)' : '',
};

export function describeVerdict(a: ReachAnswer, c: Context): string {
  const selecting = [...new Set([...a.egress.selecting, ...a.ingress.selecting].map((s) => s.policy))];
  if (!a.egress.enforced) {
    return selecting.length === 0
      ? `The ${c.plugin} network plugin does not enforce NetworkPolicy (and none selects these pods), so the connection is allowed.`
      : `${list(selecting)} ${selecting.length === 1 ? 'selects' : 'select'} these pods, but the ${c.plugin} network plugin does not enforce NetworkPolicy, so the connection is allowed.`;
  }
  const note = a.pluginSpecific ? PLUGIN_NOTE[a.pluginSpecific](c.plugin) : '';
  if (!a.egress.isolated && !a.ingress.isolated && c.src.pod && c.dst.pod) {
    return `No NetworkPolicy isolates ${c.src.pod.key} for egress or ${c.dst.pod.key} for ingress, so the connection is allowed${note}.`;
  }
  if (!c.src.pod && !c.dst.pod) return `Neither ${name(c.src)} nor ${name(c.dst)} is a pod, so NetworkPolicy does not apply and the connection is allowed.`;
  if (a.allowed) {
    return `Allowed on ${c.port}/${c.protocol}: ${allowedText(a.egress, 'egress', c.src)}, and ${allowedText(a.ingress, 'ingress', c.dst)}${note}.`;
  }
  const denied: string[] = [];
  if (!a.egress.allowed) denied.push(deniedText(a.egress, 'egress', c.src, c.dst, c));
  if (!a.ingress.allowed) denied.push(deniedText(a.ingress, 'ingress', c.dst, c.src, c));
  return `Denied: ${denied.join('; ')}${note}.`;
}

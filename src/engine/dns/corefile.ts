// A pasted CoreDNS ConfigMap (kube-system/coredns, data `Corefile`) decides the cluster domain and how the
// kubernetes plugin answers (`kubernetes <zones...> { pods ...; ttl ... }`), over the page's setting.
import type { ClusterSettings, CoreDnsConfig } from '../types';
import { locate, type ParsedObject } from '../parse/parse';
import { field, str } from '../parse/read';

/** The plugin's own defaults, which a Corefile that does not say otherwise gets (plugin/kubernetes/setup.go). */
const PLUGIN_DEFAULTS = { ttl: 5, pods: 'disabled' as const };
const POD_MODES = ['disabled', 'insecure', 'verified'] as const;

interface KubernetesDirective {
  zones: string[];
  ttl: number;
  pods: CoreDnsConfig['pods'];
}

const tokens = (line: string) => line.replace(/#.*$/, '').trim().split(/\s+/).filter((t) => t !== '');
/** `.:53`, `dns://cluster.local:53` -> the zone part. */
const serverZone = (key: string) => key.replace(/^[a-z]+:\/\//, '').replace(/:\d+$/, '');

/** The first `kubernetes` directive, or null when the Corefile has none (then CoreDNS serves no cluster names). */
export function readCorefile(text: string): KubernetesDirective | null {
  let depth = 0;
  let serverKeys: string[] = [];
  let found: KubernetesDirective | null = null;
  let inPlugin = false;
  for (const line of text.split('\n')) {
    const t = tokens(line);
    if (t.length === 0) continue;
    const opens = t[t.length - 1] === '{';
    const words = opens ? t.slice(0, -1) : t;
    if (depth === 0 && opens) serverKeys = words.map(serverZone);
    if (depth === 1 && !found && words[0] === 'kubernetes') {
      const zones = words.slice(1);
      const fromServer = serverKeys.filter((z) => z !== '.' && z !== '');
      found = { zones: zones.length > 0 ? zones : fromServer, ...PLUGIN_DEFAULTS };
      inPlugin = opens;
    } else if (depth === 2 && inPlugin && found) {
      if (words[0] === 'ttl' && /^\d+$/.test(words[1] ?? '') && Number(words[1]) <= 3600) found.ttl = Number(words[1]);
      if (words[0] === 'pods' && (POD_MODES as readonly string[]).includes(words[1] ?? '')) found.pods = words[1] as CoreDnsConfig['pods'];
    }
    if (opens) depth++;
    if (t[0] === '}' || (t[t.length - 1] === '}' && !opens)) {
      depth = Math.max(0, depth - 1);
      if (depth < 2) inPlugin = false;
    }
  }
  return found;
}

/** Settings with the coredns ConfigMap applied: its zone becomes the cluster domain, `coreDns` says how records are served. */
export function withCorefile(configMaps: ParsedObject[], settings: ClusterSettings): ClusterSettings {
  const cm = configMaps.find((o) => o.namespace === 'kube-system' && o.name === 'coredns');
  const text = cm ? str(field(cm.value, 'data', 'Corefile')) : undefined;
  if (!cm || text === undefined) return settings;
  const directive = readCorefile(text) ?? { zones: [], ...PLUGIN_DEFAULTS };
  const domain = directive.zones.map((z) => z.replace(/\.$/, '')).find((z) => z !== '' && !z.endsWith('.arpa'));
  return {
    ...settings,
    clusterDomain: domain ?? settings.clusterDomain,
    coreDns: { ...directive, source: locate(cm, ['data', 'Corefile']) },
  };
}

// A pasted kube-proxy ConfigMap (kube-system/kube-proxy, data `config.conf`, a KubeProxyConfiguration)
// decides the proxy mode and IPVS scheduler, over the page's choice: the cluster says how it runs.
import { parse } from 'yaml';
import type { ClusterSettings } from '../types';
import { locate, type ParsedObject } from '../parse/parse';
import { field, str } from '../parse/read';
import { IPVS_SCHEDULERS, PROXY_MODES, oneOf } from '../model/settings';

function readConfig(text: string): { mode?: string; scheduler?: string } {
  try {
    const doc: unknown = parse(text);
    return { mode: str(field(doc, 'mode')), scheduler: str(field(doc, 'ipvs', 'scheduler')) };
  } catch {
    return {};
  }
}

/** Settings with the kube-proxy ConfigMap applied, and `proxyModeSource` saying where they came from. */
export function withKubeProxyConfig(configMaps: ParsedObject[], settings: ClusterSettings): ClusterSettings {
  const cm = configMaps.find((o) => o.namespace === 'kube-system' && o.name === 'kube-proxy');
  const text = cm ? str(field(cm.value, 'data', 'config.conf')) : undefined;
  if (!cm || text === undefined) return { ...settings, proxyModeSource: null };
  const { mode, scheduler } = readConfig(text);
  // An empty mode is the platform default: iptables on Linux. An empty scheduler is rr.
  const proxyMode = mode === '' || mode === undefined ? 'iptables' : mode;
  const ipvsScheduler = scheduler === '' || scheduler === undefined ? 'rr' : scheduler;
  return {
    ...settings,
    proxyMode: oneOf(PROXY_MODES, proxyMode) ? proxyMode : settings.proxyMode,
    ipvsScheduler: oneOf(IPVS_SCHEDULERS, ipvsScheduler) ? ipvsScheduler : settings.ipvsScheduler,
    proxyModeSource: locate(cm, ['data', 'config.conf']),
  };
}

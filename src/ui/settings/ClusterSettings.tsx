// The cluster's implementation choices (kube-proxy mode, IPVS scheduler, CNI), written through the
// document store so they travel with the document; changing one re-simulates and re-runs the trace.
import type { IpvsScheduler, NetworkPlugin, ProxyMode } from '../../engine';
import type { SettingsInput } from '../../worker/protocol';
import { useDocument, usePlayground, useSimulation } from '../state/context';
import './settings.css';

// The engine's defaults (model/settings.ts), repeated here so the first page chunk carries no engine code.
const DEFAULT_PROXY_MODE: ProxyMode = 'iptables';
const DEFAULT_SCHEDULER: IpvsScheduler = 'rr';
const DEFAULT_PLUGIN: NetworkPlugin = 'calico';

const PROXY_MODES: Array<{ value: ProxyMode; label: string }> = [
  { value: 'iptables', label: 'iptables (random, equal odds)' },
  { value: 'ipvs', label: 'IPVS (scheduler)' },
  { value: 'nftables', label: 'nftables (random, equal odds)' },
];

const SCHEDULERS: Array<{ value: IpvsScheduler; label: string }> = [
  { value: 'rr', label: 'rr — round robin' },
  { value: 'wrr', label: 'wrr — weighted round robin' },
  { value: 'lc', label: 'lc — least connection' },
  { value: 'wlc', label: 'wlc — weighted least connection' },
  { value: 'lblc', label: 'lblc — locality-based least connection' },
  { value: 'lblcr', label: 'lblcr — locality-based with replication' },
  { value: 'sh', label: 'sh — source hashing' },
  { value: 'dh', label: 'dh — destination hashing' },
  { value: 'sed', label: 'sed — shortest expected delay' },
  { value: 'nq', label: 'nq — never queue' },
];

const PLUGINS: Array<{ value: NetworkPlugin; label: string }> = [
  { value: 'calico', label: 'Calico — enforces NetworkPolicy' },
  { value: 'cilium', label: 'Cilium — enforces NetworkPolicy' },
  { value: 'flannel', label: 'Flannel — does not enforce NetworkPolicy' },
];

function Choice<T extends string>(props: { label: string; testid: string; value: T; options: Array<{ value: T; label: string }>; onChange(value: T): void }) {
  return (
    <label className="setting">
      {props.label}
      <select data-testid={props.testid} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ClusterSettings() {
  const { document } = usePlayground();
  const chosen = useDocument((s) => s.settings);
  const effective = useSimulation((s) => s.simulation?.cluster.settings ?? null);
  const proxyMode = chosen.proxyMode ?? DEFAULT_PROXY_MODE;
  // A pasted kube-proxy ConfigMap decides the mode in the engine; say so rather than show a choice that is not used.
  const overridden = effective !== null && effective.proxyMode !== proxyMode ? effective.proxyMode : null;
  const ipvs = (overridden ?? proxyMode) === 'ipvs';
  const set = (patch: SettingsInput) => document.getState().setSettings(patch);
  return (
    <div className="cluster-settings" role="group" aria-label="Cluster settings" data-testid="cluster-settings">
      <Choice label="kube-proxy" testid="setting-proxy-mode" value={proxyMode} options={PROXY_MODES} onChange={(v) => set({ proxyMode: v })} />
      {overridden && (
        <span className="setting-override" role="status" data-testid="proxy-mode-overridden" title="The kube-proxy ConfigMap in the manifests sets the mode; remove its mode to use this choice.">
          ⚠ ConfigMap kube-proxy sets mode: <strong>{overridden}</strong>
        </span>
      )}
      {ipvs && (
        <Choice
          label="Scheduler"
          testid="setting-ipvs-scheduler"
          value={chosen.ipvsScheduler ?? DEFAULT_SCHEDULER}
          options={SCHEDULERS}
          onChange={(v) => set({ ipvsScheduler: v })}
        />
      )}
      <Choice label="Network plugin" testid="setting-network-plugin" value={chosen.networkPlugin ?? DEFAULT_PLUGIN} options={PLUGINS} onChange={(v) => set({ networkPlugin: v })} />
    </div>
  );
}

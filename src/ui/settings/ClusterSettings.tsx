// The cluster's implementation choices (kube-proxy mode, IPVS scheduler, CNI), written through the
// document store so they travel with the document; changing one re-simulates and re-runs the trace.
import type { IpvsScheduler, NetworkPlugin, ProxyMode } from '../../engine';
import { useEffect, useRef, useState } from 'react';
import type { SettingsInput } from '../../worker/protocol';
import { useDocument, usePlayground, useSimulation } from '../state/context';
import './settings.css';

// The engine's defaults (model/settings.ts), repeated here so the first page chunk carries no engine code.
const DEFAULT_PROXY_MODE: ProxyMode = 'iptables';
const DEFAULT_SCHEDULER: IpvsScheduler = 'rr';
const DEFAULT_PLUGIN: NetworkPlugin = 'calico';

const PROXY_MODES: Array<{ value: ProxyMode; label: string }> = [
  { value: 'iptables', label: 'iptables' },
  { value: 'ipvs', label: 'IPVS' },
  { value: 'nftables', label: 'nftables' },
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
  { value: 'calico', label: 'Calico — enforces policy' },
  { value: 'cilium', label: 'Cilium — enforces policy' },
  { value: 'flannel', label: 'Flannel — does not enforce policy' },
];

function Choice<T extends string>(props: { label: string; title: string; testid: string; value: T; options: Array<{ value: T; label: string }>; onChange(value: T): void }) {
  return (
    <label className="setting" title={props.title}>
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
  const { document, selection } = usePlayground();
  const chosen = useDocument((s) => s.settings);
  const effective = useSimulation((s) => s.simulation?.cluster.settings ?? null);
  const proxyMode = chosen.proxyMode ?? DEFAULT_PROXY_MODE;
  const plugin = chosen.networkPlugin ?? DEFAULT_PLUGIN;
  // A pasted kube-proxy ConfigMap decides the mode and scheduler in the engine: say so, and show what runs.
  const configMap = effective?.proxyModeSource ?? null;
  const mode = configMap ? effective!.proxyMode : proxyMode;
  const chosenScheduler = chosen.ipvsScheduler ?? DEFAULT_SCHEDULER;
  const scheduler = configMap ? effective!.ipvsScheduler : chosenScheduler;
  const set = (patch: SettingsInput) => document.getState().setSettings(patch);
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // A popover: a click elsewhere closes it, as Escape does.
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (details.current && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);
  return (
    <details
      ref={details}
      className="cluster-settings"
      data-testid="cluster-settings"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.currentTarget.open = false;
      }}
    >
      <summary data-testid="cluster-settings-summary" title="Cluster settings: kube-proxy mode and network plugin">
        <span className="muted">Cluster</span> kube-proxy {mode}
        {mode === 'ipvs' ? ` (${scheduler})` : ''} · {PLUGINS.find((p) => p.value === plugin)?.label.split(' ')[0]}
        {configMap && (
          <span className="setting-override" data-testid="proxy-mode-overridden">
            ⚠ set by ConfigMap kube-proxy
          </span>
        )}
      </summary>
      <div className="cluster-settings-panel" role="group" aria-label="Cluster settings">
        <Choice label="kube-proxy mode" title="How kube-proxy picks a pod: iptables and nftables at random with equal odds, IPVS by its scheduler" testid="setting-proxy-mode" value={proxyMode} options={PROXY_MODES} onChange={(v) => set({ proxyMode: v })} />
        {configMap && (
          <p className="setting-note" role="status">
            ⚠ The manifests hold ConfigMap kube-system/kube-proxy: its <code>mode: {mode}</code>
            {mode === 'ipvs' ? ` (scheduler ${scheduler})` : ''} wins over these choices.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => selection.getState().revealLines(configMap)}
            >
              Show it in the editor (line {configMap.line})
            </button>
          </p>
        )}
        {(mode === 'ipvs' || proxyMode === 'ipvs') && (
          <Choice
            label="IPVS scheduler"
            title="How IPVS picks among a Service's pods"
            testid="setting-ipvs-scheduler"
            value={chosenScheduler}
            options={SCHEDULERS}
            onChange={(v) => set({ ipvsScheduler: v })}
          />
        )}
        <Choice label="Network plugin" title="The CNI plugin: whether NetworkPolicy is enforced" testid="setting-network-plugin" value={plugin} options={PLUGINS} onChange={(v) => set({ networkPlugin: v })} />
        <p className="setting-note muted">A change re-simulates the cluster and re-runs the request shown in the Trace panel.</p>
      </div>
    </details>
  );
}

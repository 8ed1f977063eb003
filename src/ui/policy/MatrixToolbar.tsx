// The matrix's filter (port, protocol, namespaces), its summary count, and open/close all.
import { useId, useMemo, useState } from 'react';
import type { Cluster, Protocol } from '../../engine';
import { useSimulation } from '../state/context';
import type { MatrixSummary } from './grid';
import { usePolicyView } from './store';
import { useNamespaceOptions } from './useMatrix';

const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Ports the pods declare, for the port field's suggestions: `8080` "api (shop/backend)". */
export function declaredPorts(cluster: Cluster): Array<{ port: number; label: string }> {
  const found = new Map<number, Set<string>>();
  for (const pod of cluster.pods) {
    for (const container of [...pod.containers, ...pod.initContainers]) {
      for (const p of container.ports) {
        const names = found.get(p.containerPort) ?? new Set<string>();
        const owner = pod.owner ? `${pod.namespace}/${pod.owner.name}` : pod.key;
        names.add(`${p.name ? `${p.name} ` : ''}${p.protocol === 'TCP' ? '' : `${p.protocol} `}(${owner})`);
        found.set(p.containerPort, names);
      }
    }
  }
  return [...found].sort(([a], [b]) => a - b).map(([port, names]) => ({ port, label: [...names].join(', ') }));
}

function PortField() {
  const port = usePolicyView((s) => s.port);
  const setPort = usePolicyView((s) => s.setPort);
  const cluster = useSimulation((s) => s.simulation?.cluster ?? null);
  const suggestions = useMemo(() => (cluster ? declaredPorts(cluster) : []), [cluster]);
  const [draft, setDraft] = useState(String(port));
  const id = useId();
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;
  const shown = valid(Number(draft)) && Number(draft) !== port ? String(port) : draft;
  return (
    <label className="mx-field">
      Port
      <input
        type="number"
        min={1}
        max={65535}
        list={id}
        className="mono"
        data-testid="matrix-port"
        value={shown}
        aria-invalid={!valid(Number(draft))}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value !== '' && valid(n)) setPort(n);
        }}
      />
      <datalist id={id}>
        {suggestions.map((s) => (
          <option key={s.port} value={s.port} label={s.label} />
        ))}
      </datalist>
    </label>
  );
}

function NamespaceChoice() {
  const options = useNamespaceOptions();
  const choose = usePolicyView((s) => s.chooseNamespace);
  return (
    <fieldset className="mx-namespaces" data-testid="matrix-namespaces">
      <legend>Namespaces</legend>
      {options.map((o) => (
        <label key={o.namespace} className="mx-chip">
          <input
            type="checkbox"
            checked={o.included}
            data-testid={`matrix-namespace-${o.namespace}`}
            onChange={(e) => choose(o.namespace, e.target.checked)}
          />
          {o.namespace} <span className="muted">({o.pods})</span>
        </label>
      ))}
    </fieldset>
  );
}

export interface MatrixToolbarProps {
  summary: MatrixSummary | null;
  pods: number;
  namespaces: string[];
  onExpand(namespaces: string[], expanded: boolean): void;
}

export function MatrixToolbar({ summary, pods, namespaces, onExpand }: MatrixToolbarProps) {
  const protocol = usePolicyView((s) => s.protocol);
  const setProtocol = usePolicyView((s) => s.setProtocol);
  return (
    <div className="mx-toolbar" data-testid="matrix-toolbar">
      <PortField />
      <label className="mx-field">
        Protocol
        <select data-testid="matrix-protocol" value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)}>
          {PROTOCOLS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <NamespaceChoice />
      <span className="mx-buttons">
        <button type="button" className="mx-button" data-testid="matrix-expand-all" onClick={() => onExpand(namespaces, true)}>
          Open all
        </button>
        <button type="button" className="mx-button" data-testid="matrix-collapse-all" onClick={() => onExpand(namespaces, false)}>
          Close all
        </button>
      </span>
      {summary && (
        <span className="mx-summary" data-testid="matrix-summary" role="status">
          {pods} pods · <span className="mx-ok">✓ {summary.allowed} allowed</span> · <span className="mx-no">✕ {summary.denied} denied</span>{' '}
          <span className="muted">of {summary.pairs} pod pairs</span>
        </span>
      )}
    </div>
  );
}

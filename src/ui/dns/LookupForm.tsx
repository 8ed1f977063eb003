// nslookup from a pod: which pod (searchable), which name, which record type.
import { useId, type FormEvent } from 'react';
import type { DnsRecordType, Pod } from '../../engine';
import { usePlayground, useSelection, useSimulation } from '../state/context';
import { runLookup } from './runLookup';
import { useDnsPanel } from './state';

const RECORD_TYPES: DnsRecordType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR'];
/** What a name looks like for each record type (SRV names a port, PTR takes an address). */
const EXAMPLE_NAME: Record<DnsRecordType, string> = {
  A: 'backend-api', AAAA: 'backend-api', SRV: '_http._tcp.backend-api', CNAME: 'legacy-db', PTR: '10.96.0.10',
};

/** The user's pods first, then kube-system's; each list in the engine's order. */
const byUserFirst = (pods: Pod[]) => [...pods.filter((p) => !p.builtin), ...pods.filter((p) => p.builtin)];

/** The pod the form starts with: the one selected on the canvas, else the first of the user's. */
export function useDefaultFrom(): string {
  const selected = useSelection((s) => s.selected);
  const pods = useSimulation((s) => s.simulation?.cluster.pods);
  if (selected?.startsWith('pod-')) return selected.slice(4);
  return pods?.find((p) => !p.builtin)?.key ?? '';
}

export function LookupForm() {
  const playground = usePlayground();
  const ids = useId();
  const pods = useSimulation((s) => s.simulation?.cluster.pods ?? null);
  const defaultFrom = useDefaultFrom();
  const from = useDnsPanel((s) => s.from) ?? defaultFrom;
  const name = useDnsPanel((s) => s.name);
  const type = useDnsPanel((s) => s.type);
  const pending = useDnsPanel((s) => s.pending);
  const set = useDnsPanel((s) => s.set);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!from.trim() || !name.trim()) return;
    void runLookup(playground, { from: from.trim(), name: name.trim(), type }, true);
  }

  return (
    <form className="dns-form" onSubmit={submit} aria-label="DNS lookup" data-testid="dns-form">
      <label htmlFor={`${ids}-from`}>From pod</label>
      <input
        id={`${ids}-from`}
        className="mono"
        list={`${ids}-pods`}
        value={from}
        placeholder="namespace/pod"
        autoComplete="off"
        spellCheck={false}
        data-testid="dns-from"
        onChange={(e) => set({ from: e.target.value })}
      />
      <datalist id={`${ids}-pods`}>
        {pods && byUserFirst(pods).map((p) => <option key={p.key} value={p.key} />)}
      </datalist>
      <div className="dns-name-row">
        <div className="dns-field">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            id={`${ids}-name`}
            className="mono"
            value={name}
            placeholder={EXAMPLE_NAME[type]}
            autoComplete="off"
            spellCheck={false}
            required
            data-testid="dns-name"
            onChange={(e) => set({ name: e.target.value })}
          />
        </div>
        <div className="dns-field dns-type">
          <label htmlFor={`${ids}-type`}>Type</label>
          <select id={`${ids}-type`} value={type} data-testid="dns-type" onChange={(e) => set({ type: e.target.value as DnsRecordType })}>
            {RECORD_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
      </div>
      <button type="submit" className="dns-submit" data-testid="dns-lookup" disabled={!from.trim() || !name.trim()}>
        Look up
      </button>
      <span className="muted dns-pending" role="status">{pending ? 'Looking up…' : ''}</span>
    </form>
  );
}

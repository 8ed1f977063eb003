// The request bar: from (outside or a pod), to, protocol; Send and Send ×N. The request is written
// through the document store as it is edited, so it travels with the document and survives a reload.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Protocol, TraceQuestion } from '../../engine';
import { useDocument, usePlayground, useSimulation } from '../state/context';
import { DEFAULT_EXTERNAL_SOURCE_IP, EXTERNAL, sourceChoices, targetChoices, type Choice } from './targets';
import { send } from './traceStore';
import { useTraceRuntime } from './useTraceRuntime';
import './trace.css';

const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];
const EMPTY: TraceQuestion = { from: EXTERNAL, to: '', protocol: 'TCP', srcIp: DEFAULT_EXTERNAL_SOURCE_IP };

/** More options than this would cost a long task per result (10,000 pods make 10,000): then only those matching what is typed. */
const MAX_OPTIONS = 200;

function Options({ id, choices, typed }: { id: string; choices: Choice[]; typed: string }) {
  const shown = useMemo(() => {
    if (choices.length <= MAX_OPTIONS) return choices;
    const text = typed.trim();
    return choices.filter((c) => c.value.includes(text)).slice(0, MAX_OPTIONS);
  }, [choices, typed]);
  return (
    <datalist id={id}>
      {shown.map((c) => (
        <option key={c.value} value={c.value} label={c.label} />
      ))}
    </datalist>
  );
}

export function RequestBar() {
  const stores = usePlayground();
  useTraceRuntime(stores);
  const request = useDocument((s) => s.request) ?? EMPTY;
  const cluster = useSimulation((s) => s.simulation?.cluster ?? null);
  const [count, setCount] = useState(20);
  const ids = useId();
  const sources = useMemo(() => (cluster ? sourceChoices(cluster) : []), [cluster]);
  const external = request.from.trim() === EXTERNAL;
  // Per result and side, not per keystroke in From: only whether the sender is outside changes the order.
  const targets = useMemo(() => (cluster ? targetChoices(cluster, external) : []), [cluster, external]);
  const ready = request.from.trim() !== '' && request.to.trim() !== '';

  function update(patch: Partial<TraceQuestion>) {
    stores.document.getState().setRequest({ ...request, ...patch });
  }

  function question(): TraceQuestion {
    const { srcIp, ...rest } = request;
    const q: TraceQuestion = { ...rest, from: request.from.trim(), to: request.to.trim() };
    if (q.from === EXTERNAL && srcIp?.trim()) q.srcIp = srcIp.trim();
    return q;
  }

  function sendMany() {
    if (ready) void send(stores, question(), Math.max(1, Math.min(1000, count)));
  }

  function onCountKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    sendMany();
  }

  return (
    <form
      className="request-bar"
      data-testid="request-bar"
      aria-label="Request"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void send(stores, question());
      }}
    >
      <label className="request-field">
        <span>From</span>
        <input
          data-testid="request-from"
          list={`${ids}-from`}
          value={request.from}
          onChange={(e) => update({ from: e.target.value })}
          placeholder="external or namespace/pod"
          spellCheck={false}
          size={16}
        />
      </label>
      <Options id={`${ids}-from`} choices={sources} typed={request.from} />
      {external && (
        <label className="request-field">
          <span>Source IP</span>
          <input
            data-testid="request-src-ip"
            className="mono"
            value={request.srcIp ?? ''}
            onChange={(e) => update({ srcIp: e.target.value })}
            placeholder={DEFAULT_EXTERNAL_SOURCE_IP}
            spellCheck={false}
            size={12}
          />
        </label>
      )}
      <label className="request-field request-to">
        <span>To</span>
        <input
          data-testid="request-to"
          className="mono"
          list={`${ids}-to`}
          value={request.to}
          onChange={(e) => update({ to: e.target.value })}
          placeholder="name.namespace:port, IP:port or URL"
          spellCheck={false}
        />
      </label>
      <Options id={`${ids}-to`} choices={targets} typed={request.to} />
      <label className="request-field">
        <span className="sr-only">Protocol</span>
        <select data-testid="request-protocol" value={request.protocol ?? 'TCP'} onChange={(e) => update({ protocol: e.target.value as Protocol })}>
          {PROTOCOLS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" data-testid="request-send" disabled={!ready}>
        Send
      </button>
      <span className="send-many">
        <button type="button" className="button" data-testid="request-send-many" disabled={!ready} onClick={sendMany}>
          Send ×{count}
        </button>
        <input
          type="number"
          aria-label="How many requests Send ×N sends"
          data-testid="request-count"
          min={1}
          max={1000}
          value={count}
          onChange={(e) => setCount(Math.max(1, Math.round(Number(e.target.value)) || 1))}
          onKeyDown={onCountKey}
        />
      </span>
    </form>
  );
}

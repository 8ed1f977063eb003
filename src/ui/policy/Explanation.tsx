// Why one cell is allowed or denied: the policies that select the source for egress and the
// destination for ingress, the rule that allowed (or that none did), and "Trace this".
import { usePlayground, useSimulation } from '../state/context';
import { FILE_NAME } from '../state/stores';
import type { PolicyLine, SideExplanation } from './explain';
import { usePolicyView } from './store';
import { useReach } from './useReach';

function LinesButton({ lines }: { lines: { line: number; endLine: number } }) {
  const { selection } = usePlayground();
  const text = lines.line === lines.endLine ? `line ${lines.line}` : `lines ${lines.line}–${lines.endLine}`;
  return (
    <button
      type="button"
      className="mx-link mono"
      title="Show in the editor"
      onClick={() => selection.getState().revealLines(lines)}
    >
      {text}
    </button>
  );
}

function Policy({ policy }: { policy: PolicyLine }) {
  return (
    <li className={policy.allows ? 'xp-policy xp-allows' : 'xp-policy xp-denies'} data-testid={`explain-policy-${policy.policy}`}>
      <span className="xp-mark" aria-hidden="true">
        {policy.allows ? '✓' : '✕'}
      </span>
      <span className="mono">{policy.policy}</span> <span>{policy.outcome}</span> {policy.lines && <LinesButton lines={policy.lines} />}
    </li>
  );
}

function Side({ side }: { side: SideExplanation }) {
  const title = side.direction === 'egress' ? 'Egress of the source' : 'Ingress of the destination';
  return (
    <section className="xp-side" data-testid={`explain-${side.direction}`} aria-label={title}>
      <h3>
        <span className={side.allowed ? 'xp-ok' : 'xp-no'}>{side.allowed ? '✓ allowed' : '✕ denied'}</span> {title}{' '}
        <span className="mono muted">{side.pod}</span>
      </h3>
      <p className="xp-summary">{side.summary}</p>
      {side.policies.length > 0 && <ul className="xp-policies">{side.policies.map((p) => <Policy key={p.policy} policy={p} />)}</ul>}
    </section>
  );
}

function TraceThis({ from, to }: { from: string; to: string }) {
  const stores = usePlayground();
  const port = usePolicyView((s) => s.port);
  const protocol = usePolicyView((s) => s.protocol);
  const ip = useSimulation((s) => s.simulation?.cluster.pods.find((p) => p.key === to)?.podIP ?? null);
  if (!ip) return null;
  return (
    <button
      type="button"
      className="mx-button"
      data-testid="explain-trace"
      title={`Fill the request bar: from ${from} to ${ip}:${port}/${protocol}`}
      onClick={(event) => {
        const workspace = event.currentTarget.closest('.workspace-right');
        stores.document.getState().setRequest({ from, to: `${ip}:${port}`, protocol });
        stores.view.getState().setView('topology');
        stores.view.getState().setPanel('trace');
        // The request is ready: Enter sends it.
        requestAnimationFrame(() => workspace?.querySelector<HTMLElement>('[data-testid="request-send"]')?.focus());
      }}
    >
      Trace this
    </button>
  );
}

export function Explanation({ from, to, onClose }: { from: string; to: string; onClose(): void }) {
  const state = useReach({ from, to });
  const port = usePolicyView((s) => s.port);
  const protocol = usePolicyView((s) => s.protocol);
  return (
    <section className="xp" data-testid="matrix-explanation" aria-live="polite" aria-label="Why this verdict">
      <header className="xp-header">
        <h2>
          <span className="mono">{from}</span> → <span className="mono">{to}</span> on {port}/{protocol}
        </h2>
        <TraceThis from={from} to={to} />
        <button type="button" className="mx-button" onClick={onClose} aria-label="Close the explanation" data-testid="explain-close">
          Close
        </button>
      </header>
      {state.status === 'waiting' && <p className="muted">Asking the engine…</p>}
      {state.status === 'error' && <p className="xp-no">{state.message}</p>}
      {state.status === 'ready' && (
        <>
          <p className="xp-verdict" data-testid="explain-verdict" data-allowed={state.explanation.allowed}>
            {/* The engine's reason starts with the verdict; the symbol repeats it without colour. */}
            <strong className={state.explanation.allowed ? 'xp-ok' : 'xp-no'} aria-hidden="true">
              {state.explanation.allowed ? '✓' : '✕'}
            </strong>{' '}
            {state.explanation.reason}
          </p>
          {!state.explanation.enforced && (
            <p className="xp-note">The network plugin does not enforce NetworkPolicy: the policies below are present but have no effect.</p>
          )}
          <div className="xp-sides">
            {state.explanation.sides.map((s) => (
              <Side key={s.direction} side={s} />
            ))}
          </div>
          {state.explanation.highlights.length > 0 && (
            <p className="muted xp-foot">The lines these verdicts rest on are highlighted in {FILE_NAME}.</p>
          )}
        </>
      )}
    </section>
  );
}

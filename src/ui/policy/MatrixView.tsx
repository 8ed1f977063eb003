// The "Policy matrix" view: who may reach whom on one port, pods grouped by namespace, and why a
// cell says what it says. The engine computes in the worker; this view only asks and shows.
import { useMemo } from 'react';
import { useSimulation } from '../state/context';
import { Explanation } from './Explanation';
import { buildAxis, namespacesOf, summarize } from './grid';
import { MatrixGrid } from './MatrixGrid';
import { MatrixToolbar } from './MatrixToolbar';
import { usePolicyView } from './store';
import { useMatrix } from './useMatrix';
import './policy.css';

function EnforcementNote({ enforced }: { enforced: boolean }) {
  const policies = useSimulation((s) => s.simulation?.cluster.networkPolicies.length ?? 0);
  const plugin = useSimulation((s) => s.simulation?.cluster.settings.networkPlugin ?? null);
  if (!enforced) {
    return (
      <p className="mx-note mx-note-warning" data-testid="matrix-not-enforced" role="note">
        ⚠ {policies > 0 ? `${policies} NetworkPolic${policies === 1 ? 'y is' : 'ies are'} present but not enforced` : 'NetworkPolicy is not enforced'}: the{' '}
        {plugin} network plugin does not implement NetworkPolicy, so every connection is allowed.
      </p>
    );
  }
  if (policies === 0) {
    return (
      <p className="mx-note" data-testid="matrix-no-policies" role="note">
        No NetworkPolicy yet: no pod is isolated, so every pod may reach every other.
      </p>
    );
  }
  return null;
}

export function MatrixView() {
  const state = useMatrix('policy-matrix');
  const expandedChoice = usePolicyView((s) => s.expandedChoice);
  const explained = usePolicyView((s) => s.explained);
  const explain = usePolicyView((s) => s.explain);
  const setExpanded = usePolicyView((s) => s.setExpanded);
  const answer = state.status === 'ready' ? state.answer : null;
  const axis = useMemo(() => (answer ? buildAxis(answer.pods, expandedChoice) : []), [answer, expandedChoice]);
  const summary = useMemo(() => (answer ? summarize(answer) : null), [answer]);
  const namespaces = useMemo(() => (answer ? namespacesOf(answer.pods).map((g) => g.namespace) : []), [answer]);

  return (
    <div className="mx-view" data-testid="matrix-view">
      <MatrixToolbar summary={summary} pods={answer?.pods.length ?? 0} namespaces={namespaces} onExpand={setExpanded} />
      {answer && <EnforcementNote enforced={answer.enforced !== false} />}
      {state.status === 'waiting' && <p className="mx-note muted">Asking the engine for the matrix…</p>}
      {state.status === 'error' && (
        <p className="mx-note mx-note-error" role="alert">
          {state.message}
        </p>
      )}
      {answer && answer.pods.length === 0 && <p className="mx-note muted">No pods in the chosen namespaces: tick one above.</p>}
      {answer && answer.pods.length > 0 && (
        <div className="mx-body">
          <p className="mx-legend muted">
            Row = source, column = destination. <span className="mx-ok">✓ allowed</span>, <span className="mx-no">✕ denied</span>, a count
            for a namespace line. Arrow keys move, Enter explains a cell or opens a namespace.
          </p>
          <MatrixGrid answer={answer} axis={axis} explained={explained} onExplain={(from, to) => explain({ from, to })} onExpand={setExpanded} />
        </div>
      )}
      {explained && <Explanation from={explained.from} to={explained.to} onClose={() => explain(null)} />}
    </div>
  );
}

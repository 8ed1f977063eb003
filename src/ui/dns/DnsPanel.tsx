// The side dock's DNS tab: nslookup from a pod, what its resolver sent, and the upstream's names.
import { useEffect } from 'react';
import { usePlayground, useSettings, useSimulation } from '../state/context';
import { DnsResultView } from './DnsResultView';
import { LookupForm } from './LookupForm';
import { runLookup } from './runLookup';
import { useDnsPanel } from './state';
import { UpstreamHosts } from './UpstreamHosts';
import './dns.css';

/** An answer follows the document: a new result (an edit, a new upstream name) asks again, quietly. */
function useFreshAnswer() {
  const playground = usePlayground();
  const simulation = useSimulation((s) => s.simulation);
  const result = useDnsPanel((s) => s.result);
  const pending = useDnsPanel((s) => s.pending);
  useEffect(() => {
    if (result && !pending && simulation && result.basis !== simulation) void runLookup(playground, result.lookup, false);
  }, [playground, simulation, result, pending]);
}

function BuiltinNote() {
  const builtinShown = useDnsPanel((s) => s.builtinShown);
  const showBuiltin = useSettings((s) => s.showBuiltin);
  if (!builtinShown || !showBuiltin) return null;
  return (
    <p className="dns-note" data-testid="dns-builtin-note">
      kube-system is now shown on the canvas so the query's path through kube-dns to CoreDNS is visible (turn it off with “Show kube-system”).
    </p>
  );
}

export function DnsPanel() {
  useFreshAnswer();
  const result = useDnsPanel((s) => s.result);
  return (
    <div className="dns-panel" data-testid="dns-panel">
      <h2>DNS lookup</h2>
      <p className="muted">What a pod’s resolver asks cluster DNS for a name, query by query.</p>
      <LookupForm />
      <BuiltinNote />
      <div aria-live="polite">{result && <DnsResultView result={result} />}</div>
      <UpstreamHosts />
    </div>
  );
}

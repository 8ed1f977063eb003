// Asks the engine why one pair is allowed or denied, again on every new result (edits re-verdict),
// and hands the lines the verdict rests on to the editor.
import { useEffect, useState } from 'react';
import type { ReachAnswer } from '../../engine';
import { usePlayground, useSimulation } from '../state/context';
import { readAnswer } from './answers';
import { explain, type Explanation } from './explain';
import { policyViewStore, usePolicyView } from './store';

export type ReachState =
  | { status: 'waiting' }
  | { status: 'ready'; answer: ReachAnswer; explanation: Explanation }
  | { status: 'error'; message: string };

export function useReach(pair: { from: string; to: string }): ReachState {
  const stores = usePlayground();
  const simulation = useSimulation((s) => s.simulation);
  const port = usePolicyView((s) => s.port);
  const protocol = usePolicyView((s) => s.protocol);
  const [state, setState] = useState<ReachState>({ status: 'waiting' });
  const { from, to } = pair;

  useEffect(() => {
    if (!simulation) return;
    let current = true;
    const policyView = policyViewStore(stores);
    void stores.ask({ kind: 'reach', from, to, port, protocol }, 'policy-reach').then((result) => {
      const read = readAnswer<'reach'>(result);
      if (!current || !read) return;
      if (!read.ok) {
        setState({ status: 'error', message: read.message });
        policyView.getState().setHighlights([]);
        return;
      }
      const explanation = explain(read.answer, from, to);
      setState({ status: 'ready', answer: read.answer, explanation });
      policyView.getState().setHighlights(explanation.highlights);
    });
    return () => {
      current = false;
    };
  }, [stores, simulation, from, to, port, protocol]);

  // Leaving the explanation leaves the editor as it was.
  useEffect(() => () => policyViewStore(stores).getState().setHighlights([]), [stores]);

  return state;
}

// Asks the engine (in the worker) for the connectivity matrix on every new simulation result and
// every change of port, protocol or namespaces, so edits re-verdict as the user types.
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MatrixAnswer, Simulation } from '../../engine';
import { readAnswer } from './answers';
import { usePlayground, useSimulation } from '../state/context';
import { usePolicyView } from './store';

export interface NamespaceOption {
  namespace: string;
  pods: number;
  /** Holds only built-in pods (CoreDNS in kube-system): left out unless ticked. */
  builtin: boolean;
  included: boolean;
}

export type MatrixState =
  | { status: 'waiting' }
  | { status: 'ready'; answer: MatrixAnswer }
  | { status: 'error'; message: string };

const NOTHING_CHOSEN: MatrixState = { status: 'ready', answer: { pods: [], allowed: [] } };

/** The namespaces that hold pods, and whether the matrix includes each. */
export function namespaceOptions(simulation: Simulation | null, choice: Record<string, boolean>): NamespaceOption[] {
  if (!simulation) return [];
  const byName = new Map<string, { pods: number; builtin: boolean }>();
  for (const pod of simulation.cluster.pods) {
    const entry = byName.get(pod.namespace) ?? { pods: 0, builtin: true };
    entry.pods++;
    entry.builtin &&= pod.builtin;
    byName.set(pod.namespace, entry);
  }
  return [...byName]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([namespace, { pods, builtin }]) => ({ namespace, pods, builtin, included: choice[namespace] ?? !builtin }));
}

export function useNamespaceOptions(): NamespaceOption[] {
  const simulation = useSimulation((s) => s.simulation);
  const choice = usePolicyView((s) => s.namespaceChoice);
  return useMemo(() => namespaceOptions(simulation, choice), [simulation, choice]);
}

/** The matrix for the current result and filter; `channel` keeps two askers from cancelling each other. */
export function useMatrix(channel: string, enabled = true): MatrixState {
  const stores = usePlayground();
  const simulation = useSimulation((s) => s.simulation);
  const { port, protocol } = usePolicyView(useShallow((s) => ({ port: s.port, protocol: s.protocol })));
  const options = useNamespaceOptions();
  const namespaces = options.filter((o) => o.included).map((o) => o.namespace).join(',');
  const [state, setState] = useState<MatrixState>({ status: 'waiting' });

  const none = options.length > 0 && namespaces === '';

  useEffect(() => {
    // No namespace ticked: nothing to ask (the engine reads an empty list as "every namespace").
    if (!enabled || !simulation || none) return;
    let current = true;
    const question = { kind: 'matrix' as const, port, protocol, namespaces: namespaces ? namespaces.split(',') : [] };
    void stores.ask(question, channel).then((result) => {
      const read = readAnswer<'matrix'>(result);
      if (!current || !read) return;
      setState(read.ok ? { status: 'ready', answer: read.answer } : { status: 'error', message: read.message });
    });
    return () => {
      current = false;
    };
  }, [stores, channel, enabled, simulation, port, protocol, namespaces, none]);

  return none ? NOTHING_CHOSEN : state;
}

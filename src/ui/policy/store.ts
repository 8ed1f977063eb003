// What the policy views show (port, protocol, namespaces, the explained pair), one store per
// playground instance, kept beside the instance's stores so the matrix, the canvas overlay and the
// editor all read the same choice.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Protocol } from '../../engine';
import { usePlayground } from '../state/context';
import type { PlaygroundStores } from '../state/stores';

/** Lines of the manifests a verdict rests on (the rule that allowed, the policies that selected). */
export interface LineRange {
  line: number;
  endLine: number;
}

export interface PolicyViewState {
  port: number;
  protocol: Protocol;
  /** Namespaces the user ticked on or off; the rest follow the default (built-in ones off). */
  namespaceChoice: Record<string, boolean>;
  /** Namespaces the user opened or closed in the matrix; the rest follow the default for the size. */
  expandedChoice: Record<string, boolean>;
  /** The pair whose verdict is explained (pod keys), if any. */
  explained: { from: string; to: string } | null;
  /** Lines the editor highlights for the explained verdict. */
  highlights: LineRange[];
  /** Draw the allowed flows on the topology canvas. */
  showFlows: boolean;
  setPort(port: number): void;
  setProtocol(protocol: Protocol): void;
  chooseNamespace(namespace: string, included: boolean): void;
  setExpanded(namespaces: string[], expanded: boolean): void;
  explain(pair: { from: string; to: string } | null): void;
  setHighlights(highlights: LineRange[]): void;
  setShowFlows(show: boolean): void;
}

/** The contract's default question (matrix without --port). */
export const DEFAULT_PORT = 80;

export function createPolicyViewStore(): StoreApi<PolicyViewState> {
  return createStore<PolicyViewState>((set) => ({
    port: DEFAULT_PORT,
    protocol: 'TCP',
    namespaceChoice: {},
    expandedChoice: {},
    explained: null,
    highlights: [],
    showFlows: false,
    setPort: (port) => set({ port }),
    setProtocol: (protocol) => set({ protocol }),
    chooseNamespace: (namespace, included) => set((s) => ({ namespaceChoice: { ...s.namespaceChoice, [namespace]: included } })),
    setExpanded: (namespaces, expanded) =>
      set((s) => ({ expandedChoice: { ...s.expandedChoice, ...Object.fromEntries(namespaces.map((n) => [n, expanded])) } })),
    explain: (explained) => set(explained ? { explained } : { explained: null, highlights: [] }),
    setHighlights: (highlights) => set({ highlights }),
    setShowFlows: (showFlows) => set({ showFlows }),
  }));
}

const perInstance = new WeakMap<PlaygroundStores, StoreApi<PolicyViewState>>();

/** The policy view store of one playground instance (made on first use). */
export function policyViewStore(stores: PlaygroundStores): StoreApi<PolicyViewState> {
  let store = perInstance.get(stores);
  if (!store) perInstance.set(stores, (store = createPolicyViewStore()));
  return store;
}

export function usePolicyView<T>(selector: (state: PolicyViewState) => T): T {
  return useStore(policyViewStore(usePlayground()), selector);
}

/** Calls `show` with the explained verdict's lines now and whenever they change (the editor's side). */
export function watchPolicyHighlights(stores: PlaygroundStores, show: (lines: LineRange[]) => void): () => void {
  const store = policyViewStore(stores);
  show(store.getState().highlights);
  return store.subscribe((state, previous) => {
    if (state.highlights !== previous.highlights) show(state.highlights);
  });
}

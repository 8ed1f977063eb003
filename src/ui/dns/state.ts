// The DNS panel's own state, one per playground instance: it outlives the panel, which unmounts
// whenever another dock tab opens (clicking a pod on the canvas opens Details).
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DnsAnswer, DnsRecordType, Simulation } from '../../engine';
import { usePlayground } from '../state/context';
import type { PlaygroundStores } from '../state/stores';

export interface DnsLookup {
  from: string;
  name: string;
  type: DnsRecordType;
}

export type DnsResult = (
  | { kind: 'answer'; answer: DnsAnswer }
  | { kind: 'error'; message: string }
) & {
  lookup: DnsLookup;
  /** The result on screen when the question was asked: a newer one means asking again. */
  basis: Simulation | null;
};

export interface DnsPanelState {
  /** The pod typed or picked; null until the user touches it (then the panel offers a default). */
  from: string | null;
  name: string;
  type: DnsRecordType;
  result: DnsResult | null;
  pending: boolean;
  /** True once a lookup turned on kube-system on the canvas, so the panel can say so. */
  builtinShown: boolean;
  set(patch: Partial<Pick<DnsPanelState, 'from' | 'name' | 'type' | 'result' | 'pending' | 'builtinShown'>>): void;
}

const stores = new WeakMap<PlaygroundStores, StoreApi<DnsPanelState>>();

export function dnsStoreFor(playground: PlaygroundStores): StoreApi<DnsPanelState> {
  let store = stores.get(playground);
  if (!store) {
    store = createStore<DnsPanelState>((set) => ({
      from: null,
      name: '',
      type: 'A',
      result: null,
      pending: false,
      builtinShown: false,
      set: (patch) => set(patch),
    }));
    stores.set(playground, store);
  }
  return store;
}

export function useDnsPanel<T>(selector: (state: DnsPanelState) => T): T {
  return useStore(dnsStoreFor(usePlayground()), selector);
}

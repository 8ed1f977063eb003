import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createEngineClient } from '../../worker/client';
import {
  createPlaygroundStores,
  type DocumentState,
  type PlaybackState,
  type PlaygroundOptions,
  type PlaygroundStores,
  type SelectionState,
  type SettingsState,
  type SimulationState,
  type ViewState,
} from './stores';

const PlaygroundContext = createContext<PlaygroundStores | null>(null);

/** Holds one playground instance's stores and engine; a page may hold several. */
export function PlaygroundProvider({ options, children }: { options: PlaygroundOptions; children: ReactNode }) {
  const [stores] = useState(() => createPlaygroundStores(options));
  useEffect(() => {
    const client = createEngineClient({
      timeoutMs: stores.engineTimeoutMs,
      onRestart: () => console.info('kube-netsim: the engine worker was restarted'),
    });
    const detach = stores.attachEngine(client);
    return () => {
      detach();
      client.dispose();
    };
  }, [stores]);
  return <PlaygroundContext.Provider value={stores}>{children}</PlaygroundContext.Provider>;
}

export function usePlayground(): PlaygroundStores {
  const stores = useContext(PlaygroundContext);
  if (!stores) throw new Error('usePlayground must be used inside <PlaygroundProvider>');
  return stores;
}

export function useDocument<T>(selector: (state: DocumentState) => T): T {
  return useStore(usePlayground().document, selector);
}

export function useSimulation<T>(selector: (state: SimulationState) => T): T {
  return useStore(usePlayground().simulation, selector);
}

export function useSelection<T>(selector: (state: SelectionState) => T): T {
  return useStore(usePlayground().selection, selector);
}

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(usePlayground().settings, selector);
}

export function usePlayback<T>(selector: (state: PlaybackState) => T): T {
  return useStore(usePlayground().playback, selector);
}

export function useView<T>(selector: (state: ViewState) => T): T {
  return useStore(usePlayground().view, selector);
}

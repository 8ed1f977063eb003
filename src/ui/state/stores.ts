// One set of stores per playground instance, split by concern. The document store is the
// only place the raw text is written: it persists the text and asks the engine.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Simulation } from '../../engine';
import type { EngineClient, EngineHost } from '../../worker/client';
import { loadDocument, saveDocument, type KeyValueStorage } from './persistence';

export const FILE_NAME = 'manifests.yaml';

export interface DocumentState {
  text: string;
  scenarioId: string | null;
  edited: boolean;
  /** The one write gateway for the text: user edits, test hooks and seed loads all come here. */
  setText(text: string): void;
  loadScenario(scenarioId: string, text: string): void;
}

export type SimulationStatus = 'idle' | 'computing' | 'ready' | 'error' | 'timeout';

export interface SimulationState {
  simulation: Simulation | null;
  status: SimulationStatus;
  /** Shown to the user when the engine failed or was restarted. */
  message: string | null;
  host: EngineHost | null;
}

/** Where the editor should jump (a diagnostic click); `nonce` makes repeated clicks count. */
export interface RevealRequest {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  nonce: number;
}

export interface SelectionState {
  /** Canvas element id (also its data-testid), e.g. `service-shop/frontend`. */
  selected: string | null;
  /** The editor's cursor line; the canvas lights up the objects written there (derived per result). */
  cursorLine: number | null;
  reveal: RevealRequest | null;
  select(id: string | null): void;
  setCursorLine(line: number): void;
  revealRange(range: Omit<RevealRequest, 'nonce'>): void;
}

export interface SettingsState {
  showBuiltin: boolean;
  setShowBuiltin(show: boolean): void;
}

export interface PlaygroundStores {
  instanceId: string;
  engineTimeoutMs: number | undefined;
  document: StoreApi<DocumentState>;
  simulation: StoreApi<SimulationState>;
  selection: StoreApi<SelectionState>;
  settings: StoreApi<SettingsState>;
  /** Connects an engine (the provider does, in an effect) and computes the current text. */
  attachEngine(client: EngineClient): () => void;
}

export interface PlaygroundOptions {
  instanceId: string;
  defaultText: string;
  defaultScenarioId: string | null;
  storage: KeyValueStorage | null;
  debounceMs?: number;
  /** A computation running longer is abandoned and the worker restarted (default 10 s). */
  engineTimeoutMs?: number;
}

export function createPlaygroundStores(options: PlaygroundOptions): PlaygroundStores {
  const { instanceId, storage } = options;
  const debounceMs = options.debounceMs ?? 150;
  const stored = loadDocument(storage, instanceId);
  let engine: EngineClient | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const simulation = createStore<SimulationState>(() => ({ simulation: null, status: 'idle', message: null, host: null }));

  async function compute(text: string): Promise<void> {
    const client = engine;
    if (!client) return;
    simulation.setState({ status: 'computing', host: client.host });
    const result = await client.simulate([{ name: FILE_NAME, text }]);
    if (engine !== client) return;
    switch (result.kind) {
      case 'stale':
        return;
      case 'ok':
        simulation.setState({ simulation: result.simulation, status: 'ready', message: null, host: client.host });
        return;
      case 'error':
        // Keep the last good result on screen; say what went wrong.
        simulation.setState({ status: 'error', message: `The engine failed: ${result.error}`, host: client.host });
        return;
      case 'timeout':
        simulation.setState({
          status: 'timeout',
          message: `The simulation took longer than ${result.limitMs / 1000} s and was stopped; the engine was restarted.`,
          host: client.host,
        });
    }
  }

  function schedule(text: string, delay: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void compute(text), delay);
  }

  const document = createStore<DocumentState>((set, get) => {
    function write(text: string, scenarioId: string | null, edited: boolean): void {
      set({ text, scenarioId, edited });
      saveDocument(storage, instanceId, { v: 1, text, scenarioId, edited });
      schedule(text, debounceMs);
    }
    return {
      text: stored?.text ?? options.defaultText,
      scenarioId: stored ? stored.scenarioId : options.defaultScenarioId,
      edited: stored?.edited ?? false,
      setText(text) {
        if (text === get().text) return;
        write(text, get().scenarioId, true);
      },
      loadScenario(scenarioId, text) {
        write(text, scenarioId, false);
      },
    };
  });

  const selection = createStore<SelectionState>((set) => ({
    selected: null,
    cursorLine: null,
    reveal: null,
    select: (id) => set({ selected: id }),
    setCursorLine: (cursorLine) => set({ cursorLine }),
    revealRange: (range) => set((state) => ({ reveal: { ...range, nonce: (state.reveal?.nonce ?? 0) + 1 } })),
  }));

  const settings = createStore<SettingsState>((set) => ({
    showBuiltin: false,
    setShowBuiltin: (showBuiltin) => set({ showBuiltin }),
  }));

  return {
    instanceId,
    engineTimeoutMs: options.engineTimeoutMs,
    document,
    simulation,
    selection,
    settings,
    attachEngine(client) {
      engine = client;
      schedule(document.getState().text, 0);
      return () => {
        if (engine === client) engine = null;
        clearTimeout(timer);
      };
    },
  };
}

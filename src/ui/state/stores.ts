// One set of stores per playground instance, split by concern. The document store is the
// only place the raw text is written: it persists the text and asks the engine.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Question, Simulation, TraceQuestion } from '../../engine';
import type { AskResult, EngineClient, EngineHost } from '../../worker/client';
import type { SettingsInput } from '../../worker/protocol';
import { loadDocument, saveDocument, type KeyValueStorage } from './persistence';
import { encodeLink, openLink, type LinkLocation } from './share';

export const FILE_NAME = 'manifests.yaml';
const LINK_DEBOUNCE_MS = 400;

export interface DocumentState {
  text: string;
  scenarioId: string | null;
  edited: boolean;
  /** Cluster settings chosen in the page; they travel with the document. */
  settings: SettingsInput;
  /** The request the user built in the request bar; it travels with the document. */
  request: TraceQuestion | null;
  /** The one write gateway for the text: user edits, test hooks and seed loads all come here. */
  setText(text: string): void;
  loadScenario(scenarioId: string, text: string, request?: TraceQuestion | null): void;
  /** Merges cluster settings (proxy mode, network plugin, ...) and re-simulates. */
  setSettings(patch: SettingsInput): void;
  setRequest(request: TraceQuestion | null): void;
  /** Said once on opening: a share link that could not be read (the text shown is then the stored one). */
  notice: string | null;
  dismissNotice(): void;
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
  /** Selects whole lines `line`..`endLine` in the editor (a policy, a drop's fix, a ConfigMap). */
  revealLines(lines: { line: number; endLine: number }): void;
}

export interface SettingsState {
  showBuiltin: boolean;
  setShowBuiltin(show: boolean): void;
}

/** One hop of an animation on the canvas (a trace, a DNS exchange). */
export interface PlaybackHop {
  /** Canvas element id the packet is at (node id), or null when the hop has no element on the canvas. */
  element: string | null;
  kind: string;
  /** What the hop is, shown after its kind (`node-2`, `shop/frontend`, `kube-dns 10.96.0.10`). */
  label: string;
  /** The one-line explanation shown as the caption. */
  caption: string;
  /** The packet's addresses at this point, so DNAT and SNAT are visible. */
  src: string | null;
  dst: string | null;
}

export interface PlaybackPath {
  /** Grows per loaded path, so views can tell a new animation from a replay. */
  id: number;
  title: string;
  hops: PlaybackHop[];
  /** Where and why the packet stops, when it does not arrive. */
  drop: { hop: number; reason: string; message: string; fix?: string } | null;
  /** Editor ranges to highlight for this path (the rule that won, the line to change). */
  highlights: Array<{ line: number; endLine: number }>;
}

export interface PlaybackState {
  path: PlaybackPath | null;
  /** The hop the packet is at (0-based). */
  index: number;
  playing: boolean;
  /** Hops per second. */
  speed: number;
  load(path: Omit<PlaybackPath, 'id'>, autoplay?: boolean): void;
  play(): void;
  pause(): void;
  /** Moves by `delta` hops (clamped), pausing playback. */
  step(delta: number): void;
  seek(index: number): void;
  setSpeed(speed: number): void;
  clear(): void;
}

export type WorkspaceView = 'topology' | 'matrix';
export type WorkspacePanel = 'details' | 'trace' | 'dns';

export interface ViewState {
  view: WorkspaceView;
  panel: WorkspacePanel;
  setView(view: WorkspaceView): void;
  setPanel(panel: WorkspacePanel): void;
}

export interface PlaygroundStores {
  instanceId: string;
  engineTimeoutMs: number | undefined;
  document: StoreApi<DocumentState>;
  simulation: StoreApi<SimulationState>;
  selection: StoreApi<SelectionState>;
  settings: StoreApi<SettingsState>;
  playback: StoreApi<PlaybackState>;
  view: StoreApi<ViewState>;
  /**
   * Asks the engine a question about the current text and settings (latest wins per channel,
   * default the question's kind). Resolves `{kind: 'error'}` when no engine is attached yet.
   */
  ask(question: Question, channel?: string): Promise<AskResult>;
  /** The current document, settings, request and view as a share-link fragment (null when too large). */
  shareLink(): string | null;
  /** Connects an engine (the provider does, in an effect) and computes the current text. */
  attachEngine(client: EngineClient): () => void;
}

export interface PlaygroundOptions {
  instanceId: string;
  defaultText: string;
  defaultScenarioId: string | null;
  /** The request the request bar starts with when nothing is stored. */
  defaultRequest?: TraceQuestion | null;
  storage: KeyValueStorage | null;
  debounceMs?: number;
  /** A computation running longer is abandoned and the worker restarted (default 10 s). */
  engineTimeoutMs?: number;
  /** The URL fragment: a share link in it wins over storage; the gateway keeps it current. */
  location?: LinkLocation | null;
}

export function createPlaygroundStores(options: PlaygroundOptions): PlaygroundStores {
  const { instanceId, storage } = options;
  const debounceMs = options.debounceMs ?? 150;
  const stored = loadDocument(storage, instanceId);
  const link = openLink(options.location, stored !== null);
  let engine: EngineClient | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const simulation = createStore<SimulationState>(() => ({ simulation: null, status: 'idle', message: null, host: null }));

  async function compute(text: string, settings: SettingsInput): Promise<void> {
    const client = engine;
    if (!client) return;
    simulation.setState({ status: 'computing', host: client.host });
    const result = await client.simulate([{ name: FILE_NAME, text }], settings);
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

  function schedule(delay: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { text, settings } = document.getState();
      void compute(text, settings);
    }, delay);
  }

  const document = createStore<DocumentState>((set, get) => {
    function persist(): void {
      const { text, scenarioId, edited, settings, request } = get();
      saveDocument(storage, instanceId, { v: 1, text, scenarioId, edited, settings, request });
    }
    function write(text: string, scenarioId: string | null, edited: boolean): void {
      set({ text, scenarioId, edited });
      persist();
      schedule(debounceMs);
    }
    return {
      text: link.state?.text ?? stored?.text ?? options.defaultText,
      scenarioId: link.state ? null : stored ? stored.scenarioId : options.defaultScenarioId,
      edited: link.state ? true : (stored?.edited ?? false),
      settings: link.state?.settings ?? stored?.settings ?? {},
      request: link.state ? link.state.request : (stored?.request ?? options.defaultRequest ?? null),
      notice: link.notice,
      dismissNotice: () => set({ notice: null }),
      setText(text) {
        if (text === get().text) return;
        write(text, get().scenarioId, true);
      },
      loadScenario(scenarioId, text, request) {
        if (request !== undefined) set({ request });
        write(text, scenarioId, false);
      },
      setSettings(patch) {
        set({ settings: { ...get().settings, ...patch } });
        persist();
        schedule(0);
      },
      setRequest(request) {
        set({ request });
        persist();
      },
    };
  });

  const selection = createStore<SelectionState>((set) => ({
    selected: null,
    cursorLine: null,
    reveal: null,
    select: (id) => {
      set({ selected: id });
      // Picking something on the canvas shows its details.
      if (id !== null) view.getState().setPanel('details');
    },
    setCursorLine: (cursorLine) => set({ cursorLine }),
    revealRange: (range) => set((state) => ({ reveal: { ...range, nonce: (state.reveal?.nonce ?? 0) + 1 } })),
    // Up to the start of the next line, so the last line is selected too.
    revealLines: ({ line, endLine }) => set((state) => ({ reveal: { line, column: 1, endLine: endLine + 1, endColumn: 1, nonce: (state.reveal?.nonce ?? 0) + 1 } })),
  }));

  const settings = createStore<SettingsState>((set) => ({
    showBuiltin: false,
    setShowBuiltin: (showBuiltin) => set({ showBuiltin }),
  }));

  let pathId = 0;
  const playback = createStore<PlaybackState>((set, get) => ({
    path: null,
    index: 0,
    playing: false,
    speed: 1.5,
    load: (path, autoplay = true) => set({ path: { ...path, id: ++pathId }, index: 0, playing: autoplay && path.hops.length > 1 }),
    play: () => {
      const { path, index } = get();
      if (!path) return;
      // Playing from the last hop starts over.
      set({ playing: true, index: index >= path.hops.length - 1 ? 0 : index });
    },
    pause: () => set({ playing: false }),
    step: (delta) => {
      const { path, index } = get();
      if (!path) return;
      set({ playing: false, index: Math.max(0, Math.min(path.hops.length - 1, index + delta)) });
    },
    seek: (index) => {
      const { path } = get();
      if (!path) return;
      set({ index: Math.max(0, Math.min(path.hops.length - 1, index)) });
    },
    setSpeed: (speed) => set({ speed: Math.max(0.25, Math.min(8, speed)) }),
    clear: () => set({ path: null, index: 0, playing: false }),
  }));

  const view = createStore<ViewState>((set) => ({
    view: link.state?.view.view ?? 'topology',
    panel: link.state?.view.panel ?? 'details',
    setView: (next) => set({ view: next }),
    setPanel: (panel) => set({ panel }),
  }));

  function shareLink(): string | null {
    const { text, settings: clusterSettings, request } = document.getState();
    const { view: current, panel } = view.getState();
    return encodeLink({ text, settings: clusterSettings, request, view: { view: current, panel } });
  }
  // The URL follows the document (debounced, replaceState: no history entry per keystroke).
  const location = options.location;
  if (location) {
    let linkTimer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      linkTimer = undefined;
      location.write(shareLink());
    };
    const update = () => {
      clearTimeout(linkTimer);
      linkTimer = setTimeout(write, LINK_DEBOUNCE_MS);
    };
    // A reload inside the debounce must not reopen an older link over the newer saved text.
    location.onLeave?.(() => {
      if (linkTimer === undefined) return;
      clearTimeout(linkTimer);
      write();
    });
    document.subscribe((next, prev) => {
      if (next.text !== prev.text || next.settings !== prev.settings || next.request !== prev.request) update();
    });
    view.subscribe(update);
  }

  return {
    instanceId,
    shareLink,
    engineTimeoutMs: options.engineTimeoutMs,
    document,
    simulation,
    selection,
    settings,
    playback,
    view,
    async ask(question, channel) {
      const client = engine;
      if (!client) return { kind: 'error', error: 'The engine is not ready yet.' };
      const { text, settings: clusterSettings } = document.getState();
      return client.ask([{ name: FILE_NAME, text }], clusterSettings, question, channel);
    },
    attachEngine(client) {
      engine = client;
      schedule(0);
      return () => {
        if (engine === client) engine = null;
        clearTimeout(timer);
      };
    },
  };
}

// The page's handle on the engine: a worker when one can start, the main thread otherwise.
// Requests are latest-wins; a computation past the time limit is abandoned and the worker restarted.
import * as Comlink from 'comlink';
import type { Answer, InputFile, Question, Simulation } from '../engine';
import {
  LatestRequest,
  createRequestHandler,
  type EngineEndpoint,
  type EngineFunctions,
  type EngineRequest,
  type EngineResponse,
  type SettingsInput,
} from './protocol';

export type EngineHost = 'worker' | 'main-thread';

type Failure =
  | { kind: 'error'; error: string }
  | { kind: 'timeout'; limitMs: number }
  /** A newer request on the same channel was made before this one finished: ignore it. */
  | { kind: 'stale' };

export type ComputeResult = { kind: 'ok'; simulation: Simulation } | Failure;
export type AskResult = { kind: 'ok'; answer: Answer } | Failure;

export interface EngineClient {
  readonly host: EngineHost;
  /** Computes the latest text. Older requests still running resolve as `stale`. */
  simulate(files: InputFile[], settings?: SettingsInput): Promise<ComputeResult>;
  /**
   * Asks a question about the text (the worker reuses its model when the text is unchanged).
   * Latest wins per channel (default: the question's kind), so a trace does not cancel a DNS lookup.
   */
  ask(files: InputFile[], settings: SettingsInput | undefined, question: Question, channel?: string): Promise<AskResult>;
  dispose(): void;
}

/** A running worker, as the client sees it (a fake in unit tests). */
export interface WorkerConnection {
  handle(request: EngineRequest): Promise<EngineResponse>;
  /** Called when the worker script fails to load or crashes. */
  onError(listener: () => void): void;
  terminate(): void;
}

type Engine = EngineFunctions;

export interface EngineClientOptions {
  timeoutMs?: number;
  /** For embeds that must not start a worker. */
  forceMainThread?: boolean;
  onRestart?: () => void;
  startWorker?: () => WorkerConnection;
  loadEngine?: () => Promise<Engine>;
}

function startBrowserWorker(): WorkerConnection {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<EngineEndpoint>(worker);
  return {
    handle: (request) => remote.handle(request),
    onError: (listener) =>
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener();
      }),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

const loadBundledEngine = (): Promise<Engine> => import('../engine');

type Outcome = { kind: 'ok'; response: EngineResponse & { ok: true } } | Failure;

function settle(response: EngineResponse, latest: LatestRequest): Outcome {
  if (latest.isStale(response)) return { kind: 'stale' };
  return response.ok ? { kind: 'ok', response } : { kind: 'error', error: response.error };
}

function asCompute(outcome: Outcome): ComputeResult {
  if (outcome.kind !== 'ok') return outcome;
  return outcome.response.type === 'simulate' ? { kind: 'ok', simulation: outcome.response.simulation } : { kind: 'error', error: 'unexpected answer' };
}

function asAsk(outcome: Outcome): AskResult {
  if (outcome.kind !== 'ok') return outcome;
  return outcome.response.type === 'ask' ? { kind: 'ok', answer: outcome.response.answer } : { kind: 'error', error: 'unexpected answer' };
}

/** Latest-wins bookkeeping per channel: edits on `simulate`, questions per kind. */
class Channels {
  private channels = new Map<string, LatestRequest>();
  get(name: string): LatestRequest {
    let latest = this.channels.get(name);
    if (!latest) this.channels.set(name, (latest = new LatestRequest()));
    return latest;
  }
}

type BuildRequest = (id: number) => EngineRequest;

abstract class BaseClient implements EngineClient {
  abstract readonly host: EngineHost;
  protected channels = new Channels();
  /** One request on a channel: latest wins within it. */
  abstract send(channel: string, build: BuildRequest): Promise<Outcome>;

  async simulate(files: InputFile[], settings?: SettingsInput): Promise<ComputeResult> {
    return asCompute(await this.send('simulate', (id) => ({ type: 'simulate', id, files, settings })));
  }

  async ask(files: InputFile[], settings: SettingsInput | undefined, question: Question, channel?: string): Promise<AskResult> {
    return asAsk(await this.send(`ask:${channel ?? question.kind}`, (id) => ({ type: 'ask', id, files, settings, question })));
  }

  abstract dispose(): void;
}

class MainThreadClient extends BaseClient {
  readonly host = 'main-thread' as const;
  private engine: Promise<(request: EngineRequest) => EngineResponse> | null = null;

  constructor(private readonly loadEngine: () => Promise<Engine>) {
    super();
  }

  async send(channel: string, build: BuildRequest): Promise<Outcome> {
    const latest = this.channels.get(channel);
    const id = latest.next();
    this.engine ??= this.loadEngine().then((engine) => createRequestHandler(engine));
    const handle = await this.engine;
    // Let a burst of edits settle: only the newest request pays for the computation.
    if (id !== latest.current) return { kind: 'stale' };
    return settle(handle(build(id)), latest);
  }

  dispose(): void {}
}

interface LiveWorker {
  connection: WorkerConnection;
  /** Resolves when this worker can no longer answer: it failed, or it was ended (restart, dispose). */
  gone: Promise<void>;
  /** Terminates the worker once; later calls do nothing (Comlink throws on a second release). */
  end(): void;
}

class WorkerClient extends BaseClient {
  private live: LiveWorker;
  /** Set when the worker cannot run; from then on the engine runs on the main thread. */
  private fallback: MainThreadClient | null = null;
  private disposed = false;
  private readonly timeoutMs: number;

  constructor(
    private readonly start: () => WorkerConnection,
    private readonly loadEngine: () => Promise<Engine>,
    private readonly options: EngineClientOptions,
  ) {
    super();
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.live = this.launch();
  }

  get host(): EngineHost {
    return this.fallback ? 'main-thread' : 'worker';
  }

  private launch(): LiveWorker {
    const connection = this.start();
    let ended = false;
    let settle = () => {};
    const live: LiveWorker = {
      connection,
      gone: new Promise<void>((resolve) => (settle = resolve)),
      end: () => {
        if (ended) return;
        ended = true;
        connection.terminate();
        settle();
      },
    };
    connection.onError(() => {
      if (this.live === live && !this.fallback) {
        console.info('kube-netsim: the engine worker failed; running the engine on the main thread');
        this.fallback = new MainThreadClient(this.loadEngine);
      }
      live.end();
    });
    return live;
  }

  async send(channel: string, build: BuildRequest): Promise<Outcome> {
    if (this.fallback) return this.fallback.send(channel, build);
    const latest = this.channels.get(channel);
    const id = latest.next();
    const live = this.live;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const answer = await Promise.race([live.connection.handle(build(id)), timeout, live.gone.then(() => 'gone' as const)]);
      if (answer === 'gone') {
        // The worker failed or was restarted for an older request: the latest request runs again,
        // on the main thread or the new worker.
        return id === latest.current && !this.disposed ? this.send(channel, build) : { kind: 'stale' };
      }
      if (answer === 'timeout') {
        this.restart(live);
        return id === latest.current ? { kind: 'timeout', limitMs: this.timeoutMs } : { kind: 'stale' };
      }
      return settle(answer, latest);
    } catch (error) {
      if (id !== latest.current) return { kind: 'stale' };
      return { kind: 'error', error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Abandons a stuck computation: the only way to stop a busy worker is to end it. */
  private restart(stuck: LiveWorker): void {
    if (this.live !== stuck || this.disposed) return;
    stuck.end();
    this.live = this.launch();
    this.options.onRestart?.();
  }

  dispose(): void {
    this.disposed = true;
    this.live.end();
  }
}

export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  const loadEngine = options.loadEngine ?? loadBundledEngine;
  const canUseWorkers = options.startWorker !== undefined || typeof Worker !== 'undefined';
  if (!options.forceMainThread && canUseWorkers) {
    try {
      return new WorkerClient(options.startWorker ?? startBrowserWorker, loadEngine, options);
    } catch (error) {
      console.info('kube-netsim: the worker could not start; running the engine on the main thread', error);
    }
  }
  return new MainThreadClient(loadEngine);
}

// The page's handle on the engine: a worker when one can start, the main thread otherwise.
// Requests are latest-wins; a computation past the time limit is abandoned and the worker restarted.
import * as Comlink from 'comlink';
import type { InputFile, Simulation } from '../engine';
import { LatestRequest, handleRequest, type EngineEndpoint, type EngineRequest, type EngineResponse } from './protocol';

export type EngineHost = 'worker' | 'main-thread';

export type ComputeResult =
  | { kind: 'ok'; simulation: Simulation }
  | { kind: 'error'; error: string }
  | { kind: 'timeout'; limitMs: number }
  /** A newer request was made before this one finished: ignore it. */
  | { kind: 'stale' };

export interface EngineClient {
  readonly host: EngineHost;
  /** Computes the latest text. Older requests still running resolve as `stale`. */
  simulate(files: InputFile[]): Promise<ComputeResult>;
  dispose(): void;
}

/** A running worker, as the client sees it (a fake in unit tests). */
export interface WorkerConnection {
  handle(request: EngineRequest): Promise<EngineResponse>;
  /** Called when the worker script fails to load or crashes. */
  onError(listener: () => void): void;
  terminate(): void;
}

type SimulateFunction = (files: InputFile[]) => Simulation;

export interface EngineClientOptions {
  timeoutMs?: number;
  /** For embeds that must not start a worker. */
  forceMainThread?: boolean;
  onRestart?: () => void;
  startWorker?: () => WorkerConnection;
  loadEngine?: () => Promise<{ simulate: SimulateFunction }>;
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

const loadBundledEngine = () => import('../engine');

function toResult(response: EngineResponse, latest: LatestRequest): ComputeResult {
  if (latest.isStale(response)) return { kind: 'stale' };
  return response.ok ? { kind: 'ok', simulation: response.simulation } : { kind: 'error', error: response.error };
}

class MainThreadClient implements EngineClient {
  readonly host = 'main-thread' as const;
  private latest = new LatestRequest();
  private engine: Promise<{ simulate: SimulateFunction }> | null = null;

  constructor(private readonly loadEngine: () => Promise<{ simulate: SimulateFunction }>) {}

  async simulate(files: InputFile[]): Promise<ComputeResult> {
    const id = this.latest.next();
    this.engine ??= this.loadEngine();
    const { simulate } = await this.engine;
    // Let a burst of edits settle: only the newest request pays for the computation.
    if (id !== this.latest.current) return { kind: 'stale' };
    return toResult(handleRequest({ type: 'simulate', id, files }, simulate), this.latest);
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

class WorkerClient implements EngineClient {
  private latest = new LatestRequest();
  private live: LiveWorker;
  /** Set when the worker cannot run; from then on the engine runs on the main thread. */
  private fallback: MainThreadClient | null = null;
  private disposed = false;
  private readonly timeoutMs: number;

  constructor(
    private readonly start: () => WorkerConnection,
    private readonly loadEngine: () => Promise<{ simulate: SimulateFunction }>,
    private readonly options: EngineClientOptions,
  ) {
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

  async simulate(files: InputFile[]): Promise<ComputeResult> {
    if (this.fallback) return this.fallback.simulate(files);
    const id = this.latest.next();
    const live = this.live;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const answer = await Promise.race([live.connection.handle({ type: 'simulate', id, files }), timeout, live.gone.then(() => 'gone' as const)]);
      if (answer === 'gone') {
        // The worker failed or was restarted for an older request: the latest edit runs again,
        // on the main thread or the new worker.
        return id === this.latest.current && !this.disposed ? this.simulate(files) : { kind: 'stale' };
      }
      if (answer === 'timeout') {
        this.restart(live);
        return id === this.latest.current ? { kind: 'timeout', limitMs: this.timeoutMs } : { kind: 'stale' };
      }
      return toResult(answer, this.latest);
    } catch (error) {
      if (id !== this.latest.current) return { kind: 'stale' };
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

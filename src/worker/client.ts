// The page's handle on the engine: a worker when one can start, the main thread otherwise.
// Requests are latest-wins; a computation past the time limit is abandoned and the worker restarted.
import * as Comlink from 'comlink';
import type { InputFile, Simulation } from '../engine';
import { LatestRequest, handleRequest, type EngineEndpoint, type EngineResponse } from './protocol';

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

export interface EngineClientOptions {
  timeoutMs?: number;
  /** For tests and embeds that must not start a worker. */
  forceMainThread?: boolean;
  onRestart?: () => void;
}

interface Connection {
  worker: Worker;
  remote: Comlink.Remote<EngineEndpoint>;
}

function startWorker(): Connection {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return { worker, remote: Comlink.wrap<EngineEndpoint>(worker) };
}

function toResult(response: EngineResponse, latest: LatestRequest): ComputeResult {
  if (latest.isStale(response)) return { kind: 'stale' };
  return response.ok ? { kind: 'ok', simulation: response.simulation } : { kind: 'error', error: response.error };
}

class MainThreadClient implements EngineClient {
  readonly host = 'main-thread' as const;
  private latest = new LatestRequest();
  private engine: Promise<{ simulate: (files: InputFile[]) => Simulation }> | null = null;

  async simulate(files: InputFile[]): Promise<ComputeResult> {
    const id = this.latest.next();
    this.engine ??= import('../engine');
    const { simulate } = await this.engine;
    // Let a burst of edits settle: only the newest request pays for the computation.
    if (id !== this.latest.current) return { kind: 'stale' };
    return toResult(handleRequest({ type: 'simulate', id, files }, (f) => simulate(f)), this.latest);
  }

  dispose(): void {}
}

class WorkerClient implements EngineClient {
  private latest = new LatestRequest();
  private connection: Connection;
  /** Set when the worker script fails to load; from then on the engine runs on the main thread. */
  private fallback: MainThreadClient | null = null;
  private readonly timeoutMs: number;
  private readonly onRestart?: () => void;

  constructor(connection: Connection, options: EngineClientOptions) {
    this.connection = connection;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.onRestart = options.onRestart;
    this.watch(connection);
  }

  get host(): EngineHost {
    return this.fallback ? 'main-thread' : 'worker';
  }

  /** Read through a method: the fallback can appear while a request awaits. */
  private fallbackClient(): MainThreadClient | null {
    return this.fallback;
  }

  private watch(connection: Connection): void {
    connection.worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (this.connection !== connection || this.fallback) return;
      console.info('kube-netsim: the worker failed to start, running the engine on the main thread');
      this.fallback = new MainThreadClient();
      connection.worker.terminate();
    });
  }

  async simulate(files: InputFile[]): Promise<ComputeResult> {
    if (this.fallback) return this.fallback.simulate(files);
    const id = this.latest.next();
    const connection = this.connection;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    // A worker whose script failed to load never answers: poll for the fallback switch.
    let check: ReturnType<typeof setInterval> | undefined;
    const failed = new Promise<'failed'>((resolve) => {
      check = setInterval(() => {
        if (this.fallback || this.connection !== connection) resolve('failed');
      }, 50);
    });
    try {
      const answer = await Promise.race([connection.remote.handle({ type: 'simulate', id, files }), timeout, failed]);
      if (answer === 'failed') {
        const fallback = this.fallbackClient();
        return fallback ? fallback.simulate(files) : { kind: 'stale' };
      }
      if (answer === 'timeout') {
        this.restart(connection);
        if (id !== this.latest.current) return { kind: 'stale' };
        return { kind: 'timeout', limitMs: this.timeoutMs };
      }
      return toResult(answer, this.latest);
    } catch (error) {
      const fallback = this.fallbackClient();
      if (fallback) return fallback.simulate(files);
      if (id !== this.latest.current) return { kind: 'stale' };
      return { kind: 'error', error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
      clearInterval(check);
    }
  }

  /** Abandons a stuck computation: the only way to stop a busy worker is to end it. */
  private restart(stuck: Connection): void {
    if (this.connection !== stuck) return;
    stuck.remote[Comlink.releaseProxy]();
    stuck.worker.terminate();
    this.connection = startWorker();
    this.watch(this.connection);
    this.onRestart?.();
  }

  dispose(): void {
    this.connection.remote[Comlink.releaseProxy]();
    this.connection.worker.terminate();
  }
}

export function createEngineClient(options: EngineClientOptions = {}): EngineClient {
  if (!options.forceMainThread && typeof Worker !== 'undefined') {
    try {
      return new WorkerClient(startWorker(), options);
    } catch (error) {
      console.info('kube-netsim: worker could not start, running the engine on the main thread', error);
    }
  }
  return new MainThreadClient();
}

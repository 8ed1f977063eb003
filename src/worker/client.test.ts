import { describe, expect, it, vi } from 'vitest';
import type { Simulation } from '../engine';
import { createEngineClient, type WorkerConnection } from './client';
import type { EngineRequest, EngineResponse } from './protocol';

const simulationFor = (text: string) => ({ diagnostics: [], hasParseErrors: false, cluster: { text } }) as unknown as Simulation;
const files = (text: string) => [{ name: 'manifests.yaml', text }];
const noAnswer = () => ({ pods: [], allowed: [] });

/** A fake worker whose answers the test releases by hand, in any order. */
function fakeWorker() {
  const pending: Array<{ request: EngineRequest; answer: () => void }> = [];
  let fail: () => void = () => {};
  let terminated = 0;
  const connection: WorkerConnection = {
    handle: (request) =>
      new Promise<EngineResponse>((resolve) => {
        const text = request.files[0].text;
        pending.push({ request, answer: () => resolve({ type: 'simulate', id: request.id, ok: true, simulation: simulationFor(text) }) });
      }),
    onError: (listener) => void (fail = listener),
    terminate: () => void (terminated += 1),
  };
  return { connection, pending, fail: () => fail(), terminated: () => terminated };
}

describe('engine client', () => {
  it('drops a stale answer that arrives after a newer edit was answered', async () => {
    const worker = fakeWorker();
    const client = createEngineClient({ startWorker: () => worker.connection });
    const first = client.simulate(files('old'));
    const second = client.simulate(files('new'));
    worker.pending[1].answer();
    worker.pending[0].answer();
    expect(await second).toEqual({ kind: 'ok', simulation: simulationFor('new') });
    expect(await first).toEqual({ kind: 'stale' });
  });

  it('abandons a computation past the limit, restarts the worker and says so', async () => {
    vi.useFakeTimers();
    try {
      const workers = [fakeWorker(), fakeWorker()];
      let started = 0;
      const onRestart = vi.fn();
      const client = createEngineClient({ timeoutMs: 10_000, onRestart, startWorker: () => workers[started++].connection });
      const stuck = client.simulate(files('slow'));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await stuck).toEqual({ kind: 'timeout', limitMs: 10_000 });
      expect(workers[0].terminated()).toBe(1);
      expect(onRestart).toHaveBeenCalledOnce();
      const next = client.simulate(files('fast'));
      workers[1].pending[0].answer();
      expect(await next).toEqual({ kind: 'ok', simulation: simulationFor('fast') });
      expect(client.host).toBe('worker');
    } finally {
      vi.useRealTimers();
    }
  });

  it('computes an edit queued behind a stuck computation on the restarted worker', async () => {
    vi.useFakeTimers();
    try {
      const workers = [fakeWorker(), fakeWorker()];
      let started = 0;
      const client = createEngineClient({ timeoutMs: 10_000, startWorker: () => workers[started++].connection });
      const stuck = client.simulate(files('slow'));
      await vi.advanceTimersByTimeAsync(4_000);
      const queued = client.simulate(files('fast'));
      await vi.advanceTimersByTimeAsync(6_000);
      expect(await stuck).toEqual({ kind: 'stale' });
      expect(workers[1].pending.map((p) => p.request.files[0].text)).toEqual(['fast']);
      workers[1].pending[0].answer();
      expect(await queued).toEqual({ kind: 'ok', simulation: simulationFor('fast') });
    } finally {
      vi.useRealTimers();
    }
  });

  it('dispose ends a running computation and starts no other worker', async () => {
    vi.useFakeTimers();
    try {
      const worker = fakeWorker();
      let started = 0;
      const client = createEngineClient({ timeoutMs: 10_000, startWorker: () => (started++, worker.connection) });
      const running = client.simulate(files('a'));
      client.dispose();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await running).toEqual({ kind: 'stale' });
      expect(started).toBe(1);
      expect(worker.terminated()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends a failed worker once, even when disposed afterwards (Comlink throws on a second release)', async () => {
    const worker = fakeWorker();
    const loadEngine = async () => ({ simulate: () => simulationFor('x'), ask: noAnswer });
    const client = createEngineClient({ startWorker: () => worker.connection, loadEngine });
    worker.fail();
    client.dispose();
    expect(worker.terminated()).toBe(1);
  });

  it('falls back to the main thread when the worker fails to start', async () => {
    const worker = fakeWorker();
    const loadEngine = async () => ({ simulate: (f: Array<{ text: string }>) => simulationFor(`main:${f[0].text}`), ask: noAnswer });
    const client = createEngineClient({ startWorker: () => worker.connection, loadEngine });
    const waiting = client.simulate(files('a'));
    worker.fail();
    expect(await waiting).toEqual({ kind: 'ok', simulation: simulationFor('main:a') });
    expect(client.host).toBe('main-thread');
    expect(await client.simulate(files('b'))).toEqual({ kind: 'ok', simulation: simulationFor('main:b') });
  });

  it('answers questions on separate channels: a newer trace makes an older trace stale, not a DNS lookup', async () => {
    const loadEngine = async () => ({
      simulate: (f: Array<{ text: string }>) => simulationFor(f[0].text),
      ask: (_sim: Simulation, q: { kind: string }) => ({ pods: [q.kind], allowed: [] }),
    });
    const client = createEngineClient({ forceMainThread: true, loadEngine });
    const olderTrace = client.ask(files('t'), undefined, { kind: 'trace', from: 'external', to: '1.2.3.4:80' });
    const lookup = client.ask(files('t'), undefined, { kind: 'dns', from: 'a', name: 'b' });
    const newerTrace = client.ask(files('t'), undefined, { kind: 'trace', from: 'external', to: '1.2.3.4:81' });
    expect(await olderTrace).toEqual({ kind: 'stale' });
    expect(await lookup).toEqual({ kind: 'ok', answer: { pods: ['dns'], allowed: [] } });
    expect(await newerTrace).toEqual({ kind: 'ok', answer: { pods: ['trace'], allowed: [] } });
  });

  it('runs on the main thread when told to, with the same interface', async () => {
    const loadEngine = async () => ({ simulate: () => simulationFor('x'), ask: noAnswer });
    const client = createEngineClient({ forceMainThread: true, loadEngine });
    expect(client.host).toBe('main-thread');
    const older = client.simulate(files('1'));
    const newer = client.simulate(files('2'));
    expect(await older).toEqual({ kind: 'stale' });
    expect(await newer).toEqual({ kind: 'ok', simulation: simulationFor('x') });
  });
});

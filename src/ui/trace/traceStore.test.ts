import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulate, type Answer, type Question, type TraceAnswer } from '../../engine';
import type { EngineClient } from '../../worker/client';
import threeTier from '../../scenarios/three-tier.yaml?raw';
import { createPlaygroundStores } from '../state/stores';
import { replay, rerunOnChange, send, traceStoreOf } from './traceStore';

const answerTo = (pod: string): TraceAnswer => ({
  delivered: true,
  status: 200,
  hops: [
    { kind: 'Client', name: 'c', ip: null, port: null, note: 'leaves', ref: 'Client', packet: { src: '203.0.113.10', dst: 'backend-api.shop:80' } },
    { kind: 'Pod', name: pod, ip: '10.244.1.2', port: 8080, note: 'arrives', ref: `Pod/${pod}`, packet: { src: '203.0.113.10', dst: '10.244.1.2:8080' } },
  ],
  destination: { pod, ip: '10.244.1.2', port: 8080 },
  candidates: [],
  sourceIpAtPod: '203.0.113.10',
  drop: null,
});

/** An engine that simulates for real and answers questions with `reply` (whatever the text). */
function setup(reply: (q: Question, text: string) => Answer) {
  const asked: Question[] = [];
  const client: EngineClient = {
    host: 'worker',
    simulate: async (files) => ({ kind: 'ok', simulation: simulate(files) }),
    ask: async (files, _settings, question) => {
      asked.push(question);
      return { kind: 'ok', answer: reply(question, files[0].text) };
    },
    dispose: () => {},
  };
  const stores = createPlaygroundStores({ instanceId: 't', defaultText: threeTier, defaultScenarioId: 'three-tier', storage: null });
  stores.attachEngine(client);
  return { stores, asked, trace: traceStoreOf(stores) };
}

describe('sending a request', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks the engine through the worker, loads the path to animate and opens the Trace panel', async () => {
    const { stores, asked, trace } = setup((q) =>
      q.kind === 'sendMany' ? { count: q.count, delivered: q.count, perPod: [{ pod: 'shop/backend-a', count: q.count, probability: 1 }], drops: [], first: answerTo('shop/backend-a') } : answerTo('shop/backend-a'),
    );
    await vi.advanceTimersByTimeAsync(0);
    await send(stores, { from: 'shop/frontend-x', to: 'backend-api.shop:80' });
    expect(asked[0]).toMatchObject({ kind: 'trace', from: 'shop/frontend-x', to: 'backend-api.shop:80', seed: 1 });
    expect(trace.getState()).toMatchObject({ status: 'ready', problem: null, targetGone: null });
    expect(stores.view.getState().panel).toBe('trace');
    expect(stores.playback.getState().path?.hops.map((h) => h.element)).toEqual(['client', 'pod-shop/backend-a']);
    // Send ×N asks once for all of them; each Send draws anew.
    await send(stores, { from: 'external', to: 'x:80' }, 20);
    expect(asked[1]).toMatchObject({ kind: 'sendMany', count: 20, seed: 2 });
    expect(trace.getState().many?.perPod).toEqual([{ pod: 'shop/backend-a', count: 20, probability: 1 }]);
    expect(trace.getState().answer?.destination?.pod).toBe('shop/backend-a');
  });

  it('says what the engine refused instead of showing an old path', async () => {
    const { stores, trace } = setup(() => ({ error: { code: 'NOT_FOUND', message: 'There is no pod shop/gone.' } }));
    await vi.advanceTimersByTimeAsync(0);
    stores.playback.getState().load({ title: 'old', hops: [], drop: null, highlights: [] });
    await send(stores, { from: 'shop/gone', to: 'backend-api.shop:80' });
    expect(trace.getState()).toMatchObject({ status: 'error', problem: 'There is no pod shop/gone.', answer: null });
    expect(stores.playback.getState().path).toBeNull();
  });
});

describe('re-running after an edit', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks again after a new result; a changed answer replaces the path, an unchanged one leaves the playback alone', async () => {
    let pod = 'shop/backend-a';
    const { stores, asked, trace } = setup(() => answerTo(pod));
    const stop = rerunOnChange(stores, 200);
    await vi.advanceTimersByTimeAsync(0);
    await send(stores, { from: 'shop/frontend-x', to: 'backend-api.shop:80' });
    stores.playback.getState().seek(1);
    const first = stores.playback.getState().path;

    stores.document.getState().setText(`${threeTier}\n# a comment\n`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual(asked[0]);
    expect(stores.playback.getState().path).toBe(first);
    expect(stores.playback.getState().index).toBe(1);

    pod = 'shop/backend-b';
    stores.document.getState().setSettings({ proxyMode: 'ipvs' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toHaveLength(3);
    expect(stores.playback.getState().path?.hops[1].element).toBe('pod-shop/backend-b');
    expect(trace.getState().targetGone).toBeNull();
    stop();
  });

  it('a re-run after another animation took the player (a DNS lookup) updates the answer and leaves that animation playing', async () => {
    let pod = 'shop/backend-a';
    const { stores, trace } = setup(() => answerTo(pod));
    const stop = rerunOnChange(stores, 200);
    await vi.advanceTimersByTimeAsync(0);
    await send(stores, { from: 'shop/frontend-x', to: 'backend-api.shop:80' });
    stores.playback.getState().load({ title: 'DNS lookup', hops: [], drop: null, highlights: [] });
    const dns = stores.playback.getState().path;

    pod = 'shop/backend-b';
    stores.document.getState().setText(`${threeTier}\n# an edit\n`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(trace.getState().answer?.destination?.pod).toBe('shop/backend-b');
    expect(stores.playback.getState().path).toBe(dns);
    // Replaying puts the updated answer back on the player, as the trace's own path.
    replay(stores);
    expect(stores.playback.getState().path?.hops[1].element).toBe('pod-shop/backend-b');
    expect(trace.getState().pathId).toBe(stores.playback.getState().path?.id);
    stop();
  });

  it('says so when the request\'s target is gone from the manifests', async () => {
    const { stores, trace } = setup(() => answerTo('shop/backend-a'));
    const stop = rerunOnChange(stores, 200);
    await vi.advanceTimersByTimeAsync(0);
    await send(stores, { from: 'shop/frontend-x', to: 'backend-api.shop:80' });
    stores.document.getState().setText(threeTier.replace('name: backend-api', 'name: api'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(trace.getState().targetGone).toMatch(/backend-api\.shop:80.*gone/);
    stop();
  });
});

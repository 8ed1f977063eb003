import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Simulation } from '../../engine';
import type { ComputeResult, EngineClient } from '../../worker/client';
import { loadDocument, type KeyValueStorage } from './persistence';
import { FILE_NAME, createPlaygroundStores } from './stores';

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const simulationOf = (text: string) => ({ diagnostics: [], hasParseErrors: false, cluster: { text } }) as unknown as Simulation;

function fakeEngine(answer: (text: string) => ComputeResult = (text) => ({ kind: 'ok', simulation: simulationOf(text) })) {
  const calls: string[] = [];
  const client: EngineClient = {
    host: 'worker',
    simulate: async (files) => {
      expect(files[0].name).toBe(FILE_NAME);
      calls.push(files[0].text);
      return answer(files[0].text);
    },
    ask: async () => ({ kind: 'error', error: 'not asked in these tests' }),
    dispose: () => {},
  };
  return { client, calls };
}

describe('playground stores', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('the document gateway persists every edit and asks the engine once per burst (latest wins)', async () => {
    const storage = memoryStorage();
    const stores = createPlaygroundStores({ instanceId: 'a', defaultText: 'seed', defaultScenarioId: 'three-tier', storage });
    const engine = fakeEngine();
    stores.attachEngine(engine.client);
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.calls).toEqual(['seed']);

    stores.document.getState().setText('a');
    stores.document.getState().setText('ab');
    stores.document.getState().setText('abc');
    expect(loadDocument(storage, 'a')).toMatchObject({ v: 1, text: 'abc', scenarioId: 'three-tier', edited: true });
    await vi.advanceTimersByTimeAsync(149);
    expect(engine.calls).toEqual(['seed']);
    await vi.advanceTimersByTimeAsync(1);
    expect(engine.calls).toEqual(['seed', 'abc']);
    expect(stores.simulation.getState()).toMatchObject({ status: 'ready', simulation: simulationOf('abc'), host: 'worker' });

    // A reload (a new set of stores on the same storage) starts from the edit.
    const reloaded = createPlaygroundStores({ instanceId: 'a', defaultText: 'seed', defaultScenarioId: 'three-tier', storage });
    expect(reloaded.document.getState()).toMatchObject({ text: 'abc', edited: true });
  });

  it('loading a seed marks the document unedited', () => {
    const stores = createPlaygroundStores({ instanceId: 'a', defaultText: 'seed', defaultScenarioId: null, storage: memoryStorage() });
    stores.document.getState().setText('mine');
    stores.document.getState().loadScenario('nodeport', 'kind: Service');
    expect(stores.document.getState()).toMatchObject({ text: 'kind: Service', scenarioId: 'nodeport', edited: false });
  });

  it('keeps the last good result and says what happened on an engine error or a timeout', async () => {
    let next: ComputeResult | null = null;
    const engine = fakeEngine((text) => next ?? { kind: 'ok', simulation: simulationOf(text) });
    const stores = createPlaygroundStores({ instanceId: 'a', defaultText: 'good', defaultScenarioId: null, storage: null });
    stores.attachEngine(engine.client);
    await vi.advanceTimersByTimeAsync(0);

    next = { kind: 'timeout', limitMs: 10_000 };
    stores.document.getState().setText('slow');
    await vi.advanceTimersByTimeAsync(150);
    expect(stores.simulation.getState()).toMatchObject({ status: 'timeout', simulation: simulationOf('good') });
    expect(stores.simulation.getState().message).toMatch(/longer than 10 s.*restarted/);

    next = { kind: 'error', error: 'RangeError: boom' };
    stores.document.getState().setText('bad');
    await vi.advanceTimersByTimeAsync(150);
    expect(stores.simulation.getState()).toMatchObject({ status: 'error', simulation: simulationOf('good') });
    expect(stores.simulation.getState().message).toContain('RangeError: boom');

    next = { kind: 'stale' };
    stores.document.getState().setText('ignored');
    await vi.advanceTimersByTimeAsync(150);
    expect(stores.simulation.getState().status).toBe('computing');

    next = null;
    stores.document.getState().setText('fine');
    await vi.advanceTimersByTimeAsync(150);
    expect(stores.simulation.getState()).toMatchObject({ status: 'ready', message: null, simulation: simulationOf('fine') });
  });

  it('keeps instances apart', () => {
    const storage = memoryStorage();
    const one = createPlaygroundStores({ instanceId: 'one', defaultText: 'x', defaultScenarioId: null, storage });
    const two = createPlaygroundStores({ instanceId: 'two', defaultText: 'y', defaultScenarioId: null, storage });
    one.document.getState().setText('changed');
    one.settings.getState().setShowBuiltin(true);
    expect(two.document.getState().text).toBe('y');
    expect(two.settings.getState().showBuiltin).toBe(false);
  });

  it('reveals whole lines: up to the start of the line after the last, so the last one is selected too', () => {
    const stores = createPlaygroundStores({ instanceId: 'r', defaultText: 'x', defaultScenarioId: null, storage: null });
    stores.selection.getState().revealLines({ line: 3, endLine: 5 });
    expect(stores.selection.getState().reveal).toEqual({ line: 3, column: 1, endLine: 6, endColumn: 1, nonce: 1 });
    stores.selection.getState().revealLines({ line: 3, endLine: 5 });
    expect(stores.selection.getState().reveal?.nonce).toBe(2);
  });
});

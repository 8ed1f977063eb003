import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlaygroundStores, type PlaybackHop } from '../state/stores';
import { drivePlayback } from './playbackDriver';

const hop = (element: string): PlaybackHop => ({ element, kind: 'Pod', label: `Pod ${element}`, caption: '', src: null, dst: null });
const hops = [hop('client'), hop('lb-a/b'), hop('node-n'), hop('pod-a/p')];

describe('the playback clock', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function playback() {
    const stores = createPlaygroundStores({ instanceId: 'p', defaultText: '', defaultScenarioId: null, storage: null });
    const stop = drivePlayback(stores.playback);
    return { store: stores.playback, stop };
  }

  it('moves one hop per 1/speed seconds and stops, paused, at the last hop', () => {
    const { store, stop } = playback();
    store.getState().setSpeed(2);
    store.getState().load({ title: 't', hops, drop: null, highlights: [] });
    expect(store.getState().playing).toBe(true);
    vi.advanceTimersByTime(499);
    expect(store.getState().index).toBe(0);
    vi.advanceTimersByTime(1);
    expect(store.getState().index).toBe(1);
    vi.advanceTimersByTime(5000);
    expect(store.getState()).toMatchObject({ index: 3, playing: false });
    stop();
  });

  it('stops at the hop where the packet is dropped', () => {
    const { store, stop } = playback();
    store.getState().load({ title: 't', hops, drop: { hop: 1, reason: 'NO_ENDPOINTS', message: 'm' }, highlights: [] });
    vi.advanceTimersByTime(10_000);
    expect(store.getState()).toMatchObject({ index: 1, playing: false });
    stop();
  });

  it('a pause holds the packet where it is', () => {
    const { store, stop } = playback();
    store.getState().load({ title: 't', hops, drop: null, highlights: [] });
    store.getState().pause();
    vi.advanceTimersByTime(10_000);
    expect(store.getState().index).toBe(0);
    stop();
  });
});

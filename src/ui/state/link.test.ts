// The document gateway and the URL fragment: a link wins over storage, a broken one is explained,
// and the fragment follows the document.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyValueStorage } from './persistence';
import { saveDocument } from './persistence';
import { decodeLink, encodeLink, type LinkLocation } from './share';
import { createPlaygroundStores } from './stores';

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function fakeLocation(hash: string): LinkLocation & { hash: string; writes: number; leave(): void } {
  const leaving: Array<() => void> = [];
  const location = {
    hash,
    writes: 0,
    onLeave: (listener: () => void) => void leaving.push(listener),
    leave: () => leaving.forEach((l) => l()),
    read: () => location.hash,
    write: (fragment: string | null) => {
      location.writes++;
      location.hash = fragment ? `#${fragment}` : '';
    },
  };
  return location;
}

const shared = { text: 'kind: Shared', settings: { networkPlugin: 'flannel' as const }, request: { from: 'external', to: 'web:80' }, view: { view: 'matrix' as const, panel: 'trace' as const } };

function open(hash: string, storedText: string | null) {
  const storage = memoryStorage();
  if (storedText !== null) saveDocument(storage, 'main', { v: 1, text: storedText, scenarioId: null, edited: true });
  const location = fakeLocation(hash);
  const stores = createPlaygroundStores({ instanceId: 'main', defaultText: 'kind: Default', defaultScenarioId: 'three-tier', storage, location });
  return { stores, location };
}

describe('share link and the document gateway', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('a link wins over the stored document, with its settings, request and view', () => {
    const { stores } = open(`#${encodeLink(shared)}`, 'kind: Stored');
    expect(stores.document.getState()).toMatchObject({ text: 'kind: Shared', settings: shared.settings, request: shared.request, notice: null, scenarioId: null });
    expect(stores.view.getState()).toMatchObject({ view: 'matrix', panel: 'trace' });
  });

  it('a broken link opens the stored document and says why', () => {
    const { stores } = open('#v1:not-a-real-link', 'kind: Stored');
    expect(stores.document.getState().text).toBe('kind: Stored');
    expect(stores.document.getState().notice).toMatch(/^This link could not be opened: it is damaged .*Showing your last document instead\.$/);
    stores.document.getState().dismissNotice();
    expect(stores.document.getState().notice).toBeNull();
  });

  it('a broken link with nothing stored opens the default scenario', () => {
    const { stores } = open('#v2:from-the-future', null);
    expect(stores.document.getState()).toMatchObject({ text: 'kind: Default', scenarioId: 'three-tier' });
    expect(stores.document.getState().notice).toContain('newer version (v2)');
  });

  it('the fragment follows edits, settings and the view, once per burst', async () => {
    const { stores, location } = open('', null);
    stores.document.getState().setText('kind: A');
    stores.document.getState().setText('kind: AB');
    stores.document.getState().setSettings({ proxyMode: 'ipvs' });
    stores.view.getState().setView('matrix');
    expect(location.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(location.writes).toBe(1);
    expect(decodeLink(location.hash)).toMatchObject({ ok: true, state: { text: 'kind: AB', settings: { proxyMode: 'ipvs' }, view: { view: 'matrix' } } });
  });

  it('leaving the page inside the debounce writes the pending link, so a reload cannot reopen an older one', () => {
    const { stores, location } = open('', null);
    stores.document.getState().setText('kind: Typed just before reload');
    expect(location.writes).toBe(0);
    location.leave();
    expect(decodeLink(location.hash)).toMatchObject({ ok: true, state: { text: 'kind: Typed just before reload' } });
    location.leave();
    expect(location.writes).toBe(1);
  });

  it('a document too large for a link leaves no stale link behind', async () => {
    const { stores, location } = open(`#${encodeLink(shared)}`, null);
    stores.document.getState().setText('x'.repeat(1_000_001));
    await vi.advanceTimersByTimeAsync(500);
    expect(location.hash).toBe('');
    expect(stores.shareLink()).toBeNull();
  });
});

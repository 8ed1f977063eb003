import { describe, expect, it } from 'vitest';
import { decodeDocument, encodeDocument, loadDocument, saveDocument, storageKey, type KeyValueStorage } from './persistence';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const doc = { v: 1 as const, text: 'apiVersion: v1\nkind: Service\n  indented: "quotes" ✓\n', scenarioId: 'three-tier', edited: true, settings: { proxyMode: 'ipvs' as const }, request: { from: 'external', to: '198.51.100.1:80' } };

describe('document persistence', () => {
  it('round-trips the text byte for byte', () => {
    const storage = memoryStorage();
    expect(saveDocument(storage, 'main', doc)).toBe(true);
    expect(loadDocument(storage, 'main')).toEqual(doc);
    expect(decodeDocument(encodeDocument(doc))).toEqual(doc);
  });

  it('keeps playground instances apart', () => {
    const storage = memoryStorage();
    saveDocument(storage, 'a', doc);
    expect(loadDocument(storage, 'b')).toBeNull();
    expect([...storage.data.keys()]).toEqual([storageKey('a')]);
  });

  it('ignores malformed or foreign records instead of crashing', () => {
    for (const raw of ['not json', '42', 'null', '{"v":2,"text":"x"}', '{"v":1}', '{"v":1,"text":7}']) {
      expect(decodeDocument(raw)).toBeNull();
    }
    expect(decodeDocument('{"v":1,"text":"x","scenarioId":5}')).toEqual({ v: 1, text: 'x', scenarioId: null, edited: false, settings: {}, request: null });
    // A request with wrong types keeps only what is well-typed (state may come from a shared link).
    expect(decodeDocument('{"v":1,"text":"x","request":{"from":"external","to":"1.2.3.4:80","protocol":"ICMP","method":7,"headers":{"a":"b","c":1}}}')?.request)
      .toEqual({ from: 'external', to: '1.2.3.4:80', headers: { a: 'b' } });
  });

  it('survives a storage that throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(saveDocument(broken, 'main', doc)).toBe(false);
    expect(loadDocument(broken, 'main')).toBeNull();
    expect(loadDocument(null, 'main')).toBeNull();
  });
});

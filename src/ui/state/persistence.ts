// The document survives a reload: one versioned JSON record per playground instance.

export interface PersistedDocument {
  v: 1;
  text: string;
  /** The seed scenario the text started from, if any. */
  scenarioId: string | null;
  /** True once the user changed the text after loading the seed. */
  edited: boolean;
}

export function storageKey(instanceId: string): string {
  return `kube-netsim:document:${instanceId}`;
}

export function encodeDocument(doc: PersistedDocument): string {
  return JSON.stringify(doc);
}

/** Reads a stored record, or null when it is missing, from another version or malformed. */
export function decodeDocument(raw: string | null): PersistedDocument | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.v !== 1 || typeof record.text !== 'string') return null;
  return {
    v: 1,
    text: record.text,
    scenarioId: typeof record.scenarioId === 'string' ? record.scenarioId : null,
    edited: record.edited === true,
  };
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function loadDocument(storage: KeyValueStorage | null, instanceId: string): PersistedDocument | null {
  if (!storage) return null;
  try {
    return decodeDocument(storage.getItem(storageKey(instanceId)));
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe)
  }
}

/** Returns false when the browser refused (quota, disabled storage); the page keeps working. */
export function saveDocument(storage: KeyValueStorage | null, instanceId: string, doc: PersistedDocument): boolean {
  if (!storage) return false;
  try {
    storage.setItem(storageKey(instanceId), encodeDocument(doc));
    return true;
  } catch {
    return false;
  }
}

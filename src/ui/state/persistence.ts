// The document survives a reload: one versioned JSON record per playground instance.
import type { TraceQuestion } from '../../engine';
import type { SettingsInput } from '../../worker/protocol';

export interface PersistedDocument {
  v: 1;
  text: string;
  /** The seed scenario the text started from, if any. */
  scenarioId: string | null;
  /** True once the user changed the text after loading the seed. */
  edited: boolean;
  /** Cluster settings chosen in the page (proxy mode, network plugin, ...): they travel with the document. */
  settings?: SettingsInput;
  /** The last request the user built (from, to, protocol, ...): it travels with the document. */
  request?: TraceQuestion | null;
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
    settings: isPlainObject(record.settings) ? (record.settings as SettingsInput) : {},
    request: decodeRequest(record.request),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keeps only well-typed request fields: stored state is untrusted (it may come from a link). */
export function decodeRequest(value: unknown): TraceQuestion | null {
  if (!isPlainObject(value) || typeof value.from !== 'string' || typeof value.to !== 'string') return null;
  const request: TraceQuestion = { from: value.from, to: value.to };
  if (value.protocol === 'TCP' || value.protocol === 'UDP' || value.protocol === 'SCTP') request.protocol = value.protocol;
  for (const key of ['method', 'srcIp', 'viaNode', 'gateway'] as const) {
    if (typeof value[key] === 'string') request[key] = value[key] as string;
  }
  if (isPlainObject(value.headers)) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(value.headers)) if (typeof v === 'string') headers[k] = v;
    request.headers = headers;
  }
  return request;
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

// Share links: the document, settings, request and view in the URL fragment, `#v1:<deflate+base64url>`.
// Each version keeps its decoder, so an old link still opens; what a link holds is untrusted and is
// sanitised on read (a link is typed by someone else). The encoding is pinned by share.test.ts.
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import type { TraceQuestion } from '../../engine';
import type { SettingsInput } from '../../worker/protocol';
import { decodeRequest } from './persistence';
import type { WorkspacePanel, WorkspaceView } from './stores';

export interface SharedState {
  text: string;
  settings: SettingsInput;
  request: TraceQuestion | null;
  view: { view: WorkspaceView; panel: WorkspacePanel };
}

export type DecodedLink = { ok: true; state: SharedState } | { ok: false; reason: string };

/** Above this the text is not put in the URL (browsers cap URLs near 2 MB; compressing it would stall typing). */
export const MAX_SHARED_TEXT = 1_000_000;
/** A link that inflates past this is refused (a small link can expand enormously). */
const MAX_INFLATED_BYTES = 4_000_000;

export function encodeLink(state: SharedState): string | null {
  if (state.text.length > MAX_SHARED_TEXT) return null;
  const json = JSON.stringify({ t: state.text, s: state.settings, r: state.request, v: state.view });
  return `v1:${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** Reads `#v1:...` (with or without the `#`). Never throws: a broken link says why. */
export function decodeLink(hash: string): DecodedLink {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const colon = fragment.indexOf(':');
  const version = colon > 0 ? fragment.slice(0, colon) : '';
  const decoder = DECODERS[version];
  if (!decoder) return { ok: false, reason: version ? `it was made by a newer version (${version.slice(0, 10)})` : 'it is not a playground link' };
  try {
    const state = decoder(fragment.slice(colon + 1));
    return state ? { ok: true, state } : { ok: false, reason: 'it holds no manifests' };
  } catch (error) {
    return { ok: false, reason: `it is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** One decoder per version ever published; add, never change or remove. */
const DECODERS: Record<string, (payload: string) => SharedState | null> = {
  v1: (payload) => sanitise(JSON.parse(strFromU8(inflateBounded(fromBase64Url(payload))))),
};

function sanitise(value: unknown): SharedState | null {
  if (!isPlainObject(value) || typeof value.t !== 'string') return null;
  const view = isPlainObject(value.v) ? value.v : {};
  return {
    text: value.t,
    settings: sanitiseSettings(value.s),
    request: decodeRequest(value.r),
    view: {
      view: view.view === 'matrix' ? 'matrix' : 'topology',
      panel: view.panel === 'trace' || view.panel === 'dns' ? view.panel : 'details',
    },
  };
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Settings keep scalars and flat maps of scalars; the engine checks each value again (resolveSettings). */
function sanitiseSettings(value: unknown): SettingsInput {
  const out: Record<string, Scalar | Record<string, Scalar>> = {};
  if (!isPlainObject(value)) return {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '__proto__') continue;
    if (isScalar(v)) out[key] = v;
    else if (isPlainObject(v)) out[key] = Object.fromEntries(Object.entries(v).filter(([k, x]) => k !== '__proto__' && isScalar(x))) as Record<string, Scalar>;
  }
  return out as SettingsInput;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inflateBounded(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_INFLATED_BYTES) throw new Error('it expands past 4 MB');
    chunks.push(chunk);
  });
  inflate.push(data, true);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it has characters a link does not use');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Where the fragment lives: the browser's location in the page, a fake in tests, none in embeds. */
export interface LinkLocation {
  read(): string;
  /** Writes the fragment (null: the document is too large for a link, so the URL has none). */
  write(fragment: string | null): void;
  /** Calls `listener` when the page is being left (a reload, a closed tab), so a pending write can be made. */
  onLeave?(listener: () => void): void;
}

/** What opening the page with `location`'s fragment gives: the shared state, or a notice why not. */
export function openLink(location: LinkLocation | null | undefined, hasStored: boolean): { state: SharedState | null; notice: string | null } {
  const hash = location?.read() ?? '';
  if (hash === '' || hash === '#') return { state: null, notice: null };
  const decoded = decodeLink(hash);
  if (decoded.ok) return { state: decoded.state, notice: null };
  return { state: null, notice: `This link could not be opened: ${decoded.reason}. Showing ${hasStored ? 'your last document' : 'the default scenario'} instead.` };
}

/** The page's address bar as a LinkLocation (replaceState: a keystroke is not a history entry). */
export function browserLocation(): LinkLocation {
  return {
    read: () => window.location.hash,
    write: (fragment) => {
      const url = `${window.location.pathname}${window.location.search}${fragment ? `#${fragment}` : ''}`;
      try {
        window.history.replaceState(window.history.state, '', url);
      } catch {
        // A URL the browser refuses (too long): the document is still saved locally.
      }
    },
    onLeave: (listener) => window.addEventListener('pagehide', listener),
  };
}

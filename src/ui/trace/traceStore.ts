// The request last sent and what the engine answered, per playground instance. The engine is asked
// through the worker (`stores.ask`); the answer becomes the playback path the canvas animates.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Answer, QuestionError, SendManyAnswer, SendManyQuestion, TraceAnswer, TraceQuestion } from '../../engine';
import type { AskResult } from '../../worker/client';
import type { PlaybackPath, PlaygroundStores } from '../state/stores';
import { toPlaybackPath } from './playbackPath';
import { targetKnown } from './targets';

export type SentQuestion = ({ kind: 'trace' } & TraceQuestion) | ({ kind: 'sendMany' } & SendManyQuestion);

export interface TraceState {
  sent: SentQuestion | null;
  status: 'idle' | 'asking' | 'ready' | 'error';
  answer: TraceAnswer | null;
  /** After "Send ×N": where the requests went. */
  many: SendManyAnswer | null;
  /** Why there is no answer (the engine refused the question or failed), in words. */
  problem: string | null;
  /** Set when the request's target is no longer in the simulation. */
  targetGone: string | null;
  /** The playback path this store loaded last; a re-run leaves the player alone once it shows another (a DNS lookup). */
  pathId: number | null;
}

const traceStores = new WeakMap<PlaygroundStores, StoreApi<TraceState>>();

export function traceStoreOf(stores: PlaygroundStores): StoreApi<TraceState> {
  let store = traceStores.get(stores);
  if (!store) {
    store = createStore<TraceState>(() => ({ sent: null, status: 'idle', answer: null, many: null, problem: null, targetGone: null, pathId: null }));
    traceStores.set(stores, store);
  }
  return store;
}

const isQuestionError = (answer: Answer): answer is QuestionError => 'error' in answer;

function titleOf(q: SentQuestion): string {
  return `${q.from} → ${q.to}${q.kind === 'sendMany' ? ` (×${q.count})` : ''}`;
}

function samePath(a: Omit<PlaybackPath, 'id'>, b: PlaybackPath | null): boolean {
  if (!b) return false;
  const { id, ...rest } = b;
  void id;
  return JSON.stringify(a) === JSON.stringify(rest);
}

function goneNotice(stores: PlaygroundStores, q: SentQuestion): string | null {
  const cluster = stores.simulation.getState().simulation?.cluster;
  if (!cluster || targetKnown(cluster, q.to) !== false) return null;
  return `Nothing in the current manifests answers at ${q.to} any more: the request's target is gone.`;
}

function apply(stores: PlaygroundStores, q: SentQuestion, result: AskResult, rerun: boolean): void {
  const store = traceStoreOf(stores);
  if (result.kind === 'stale' || store.getState().sent !== q) return;
  const playback = stores.playback.getState();
  // A re-run updates the answer; it takes the player back only from its own path.
  const ownsPlayer = !rerun || playback.path === null || playback.path.id === store.getState().pathId;
  const targetGone = goneNotice(stores, q);
  if (result.kind !== 'ok' || isQuestionError(result.answer)) {
    const problem =
      result.kind === 'timeout' ? `The engine took longer than ${result.limitMs / 1000} s and was restarted.`
      : result.kind === 'error' ? result.error
      : isQuestionError(result.answer) ? result.answer.error.message
      : 'unexpected answer';
    store.setState({ status: 'error', answer: null, many: null, problem, targetGone });
    if (ownsPlayer) playback.clear();
    return;
  }
  const many = q.kind === 'sendMany' ? (result.answer as SendManyAnswer) : null;
  const answer = many ? many.first : (result.answer as TraceAnswer);
  store.setState({ status: 'ready', answer, many, problem: null, targetGone });
  const path = toPlaybackPath(answer, titleOf(q));
  // A re-run that changes nothing leaves the animation where the user put it.
  if (!ownsPlayer || (rerun && samePath(path, playback.path))) return;
  loadPath(stores, path);
}

function loadPath(stores: PlaygroundStores, path: Omit<PlaybackPath, 'id'>): void {
  stores.playback.getState().load(path, true);
  traceStoreOf(stores).setState({ pathId: stores.playback.getState().path?.id ?? null });
}

/** Puts the last answer back on the canvas after another animation (a DNS lookup) took it. */
export function replay(stores: PlaygroundStores): void {
  const { sent, answer } = traceStoreOf(stores).getState();
  if (sent && answer) loadPath(stores, toPlaybackPath(answer, titleOf(sent)));
}

async function askAbout(stores: PlaygroundStores, q: SentQuestion, rerun: boolean): Promise<void> {
  traceStoreOf(stores).setState({ status: 'asking' });
  apply(stores, q, await stores.ask(q, 'trace'), rerun);
}

/** Sends the request once (or `count` times), shows the answer and opens the Trace panel. */
export function send(stores: PlaygroundStores, request: TraceQuestion, count?: number): Promise<void> {
  const store = traceStoreOf(stores);
  // Each Send draws anew (and stays repeatable on a re-run): a learner sees iptables spread requests.
  const seeded = { ...request, seed: request.seed ?? (store.getState().sent?.seed ?? 0) + 1 };
  const q: SentQuestion = count === undefined ? { kind: 'trace', ...seeded } : { kind: 'sendMany', ...seeded, count };
  store.setState({ sent: q });
  stores.view.getState().setPanel('trace');
  return askAbout(stores, q, false);
}

/**
 * Asks the shown request again after every new result (text or settings changed), debounced,
 * so the panel never shows a path the manifests no longer give. Returns the unsubscribe.
 */
export function rerunOnChange(stores: PlaygroundStores, delayMs = 200): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = stores.simulation.subscribe((state, previous) => {
    if (state.simulation === previous.simulation || !state.simulation) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = traceStoreOf(stores).getState().sent;
      if (q) void askAbout(stores, q, true);
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    off();
  };
}

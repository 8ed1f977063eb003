// Moves the playback store forward while it plays: one hop per 1/speed seconds, stopping at the
// last hop or at the drop. Runs beside whichever view is open, so the Trace panel plays alone too.
import type { StoreApi } from 'zustand/vanilla';
import type { PlaybackState } from '../state/stores';

/** The last hop the packet reaches: the drop's when it is dropped. */
export function lastHop(state: Pick<PlaybackState, 'path'>): number {
  const path = state.path;
  if (!path) return 0;
  return path.drop ? Math.min(path.drop.hop, path.hops.length - 1) : path.hops.length - 1;
}

export function drivePlayback(playback: StoreApi<PlaybackState>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (state: PlaybackState) => {
    clearTimeout(timer);
    if (!state.playing || !state.path) return;
    if (state.index >= lastHop(state)) {
      state.pause();
      return;
    }
    timer = setTimeout(() => playback.getState().seek(state.index + 1), 1000 / state.speed);
  };
  const off = playback.subscribe((state, previous) => {
    if (state.playing !== previous.playing || state.index !== previous.index || state.speed !== previous.speed || state.path !== previous.path) arm(state);
  });
  arm(playback.getState());
  return () => {
    clearTimeout(timer);
    off();
  };
}

// What keeps a trace alive while the page runs: the playback clock, the re-run after each new
// result, and a sensible request prefilled for a fresh scenario.
import { useEffect } from 'react';
import type { PlaygroundStores } from '../state/stores';
import { drivePlayback } from './playbackDriver';
import { defaultRequest } from './targets';
import { rerunOnChange } from './traceStore';

/** Prefills the request when there is none, and again after a scenario is loaded. */
function prefillRequest(stores: PlaygroundStores): () => void {
  const { document, simulation } = stores;
  let wanted = document.getState().request === null;
  const fill = () => {
    const cluster = simulation.getState().simulation?.cluster;
    if (!wanted || !cluster) return;
    wanted = false;
    const request = defaultRequest(cluster);
    if (request) document.getState().setRequest(request);
  };
  const offDocument = document.subscribe((state, previous) => {
    // A scenario load (not an edit) gets a request that fits it once its result arrives,
    // unless one comes with it or the user writes one first.
    if (state.scenarioId !== previous.scenarioId && state.scenarioId !== null && !state.edited) wanted = state.request === previous.request;
    else if (state.request !== previous.request) wanted = false;
  });
  const offSimulation = simulation.subscribe((state, previous) => {
    if (state.simulation !== previous.simulation) fill();
  });
  fill();
  return () => {
    offDocument();
    offSimulation();
  };
}

export function useTraceRuntime(stores: PlaygroundStores): void {
  useEffect(() => {
    const offs = [drivePlayback(stores.playback), rerunOnChange(stores), prefillRequest(stores)];
    return () => offs.forEach((off) => off());
  }, [stores]);
}

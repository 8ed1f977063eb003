import type { Simulation } from '../../engine';
import { useSettings, useSimulation } from '../state/context';
import { deriveTopology, type Topology } from './topology';

const cache = new WeakMap<Simulation, Map<boolean, Topology>>();

/** The topology for a simulation, computed once per result and setting. */
export function topologyFor(simulation: Simulation, showBuiltin: boolean): Topology {
  let entry = cache.get(simulation);
  if (!entry) cache.set(simulation, (entry = new Map()));
  let topology = entry.get(showBuiltin);
  if (!topology) {
    topology = deriveTopology(simulation.cluster, simulation.diagnostics, { showBuiltin });
    entry.set(showBuiltin, topology);
  }
  return topology;
}

export function useTopology(): Topology | null {
  const simulation = useSimulation((s) => s.simulation);
  const showBuiltin = useSettings((s) => s.showBuiltin);
  return simulation ? topologyFor(simulation, showBuiltin) : null;
}

// The page <-> engine protocol: tagged unions with an id, plain cloneable data, results
// that say ok or error. The same shapes are used by the worker and the main-thread fallback.
import type { InputFile, Simulation } from '../engine';

export interface SimulateRequest {
  type: 'simulate';
  /** Grows with every edit; an answer for an older id is stale. */
  id: number;
  files: InputFile[];
}

export type EngineRequest = SimulateRequest;

export type EngineResponse =
  | { type: 'simulate'; id: number; ok: true; simulation: Simulation }
  | { type: 'simulate'; id: number; ok: false; error: string };

/** What the worker exposes through Comlink. */
export interface EngineEndpoint {
  handle(request: EngineRequest): EngineResponse;
}

/**
 * Tracks the newest request so that late answers to older edits are dropped:
 * latest wins, whatever order the answers arrive in.
 */
export class LatestRequest {
  private latest = 0;

  /** Allocates the id for a new request; it becomes the only one whose answer counts. */
  next(): number {
    this.latest += 1;
    return this.latest;
  }

  get current(): number {
    return this.latest;
  }

  isStale(response: { id: number }): boolean {
    return response.id !== this.latest;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Answers one request with the engine's `simulate`. Never throws: failures become `ok: false`. */
export function handleRequest(
  request: EngineRequest,
  simulate: (files: InputFile[]) => Simulation,
): EngineResponse {
  try {
    return { type: 'simulate', id: request.id, ok: true, simulation: simulate(request.files) };
  } catch (error) {
    return { type: 'simulate', id: request.id, ok: false, error: errorMessage(error) };
  }
}

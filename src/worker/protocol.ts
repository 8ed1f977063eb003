// The page <-> engine protocol: tagged unions with an id, plain cloneable data, results
// that say ok or error. The same shapes are used by the worker and the main-thread fallback.
import type { Answer, ClusterSettings, InputFile, Question, Simulation } from '../engine';

/** The settings the page carries with the document (anything missing takes the engine default). */
export type SettingsInput = Partial<ClusterSettings>;

export interface SimulateRequest {
  type: 'simulate';
  /** Grows with every request; an answer for an older id on the same channel is stale. */
  id: number;
  files: InputFile[];
  settings?: SettingsInput;
}

/** A question (trace, dns, reach, ...) about the given text; the worker reuses its last model when the text is the same. */
export interface AskRequest {
  type: 'ask';
  id: number;
  files: InputFile[];
  settings?: SettingsInput;
  question: Question;
}

export type EngineRequest = SimulateRequest | AskRequest;

export type EngineResponse =
  | { type: 'simulate'; id: number; ok: true; simulation: Simulation }
  | { type: 'ask'; id: number; ok: true; answer: Answer }
  | { type: EngineRequest['type']; id: number; ok: false; error: string };

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

export interface EngineFunctions {
  simulate(files: InputFile[], settings?: SettingsInput): Simulation;
  ask(sim: Simulation, question: Question): Answer;
}

/**
 * Answers requests with the engine. Keeps the last model so that a question about the text
 * already simulated does not build it again. Never throws: failures become `ok: false`.
 */
export function createRequestHandler(engine: EngineFunctions): (request: EngineRequest) => EngineResponse {
  let lastKey: string | null = null;
  let lastSimulation: Simulation | null = null;
  function simulationFor(files: InputFile[], settings: SettingsInput | undefined): Simulation {
    const key = JSON.stringify([files, settings ?? null]);
    if (key !== lastKey || !lastSimulation) {
      lastSimulation = engine.simulate(files, settings);
      lastKey = key;
    }
    return lastSimulation;
  }
  return (request) => {
    try {
      const simulation = simulationFor(request.files, request.settings);
      if (request.type === 'simulate') return { type: 'simulate', id: request.id, ok: true, simulation };
      return { type: 'ask', id: request.id, ok: true, answer: engine.ask(simulation, request.question) };
    } catch (error) {
      return { type: request.type, id: request.id, ok: false, error: errorMessage(error) };
    }
  };
}

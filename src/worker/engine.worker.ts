// The web worker: a thin Comlink adapter around the engine.
import * as Comlink from 'comlink';
import { ask, simulate } from '../engine';
import { createRequestHandler, type EngineEndpoint } from './protocol';

const handle = createRequestHandler({ simulate, ask });
const endpoint: EngineEndpoint = { handle: (request) => handle(request) };

Comlink.expose(endpoint);

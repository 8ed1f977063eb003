// The web worker: a thin Comlink adapter around the engine.
import * as Comlink from 'comlink';
import { simulate } from '../engine';
import { handleRequest, type EngineEndpoint } from './protocol';

const endpoint: EngineEndpoint = {
  handle: (request) => handleRequest(request, (files) => simulate(files)),
};

Comlink.expose(endpoint);

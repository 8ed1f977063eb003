import { describe, expect, it } from 'vitest';
import { LatestRequest, createRequestHandler } from './protocol';
import type { Simulation } from '../engine';

const handleRequest = (request: Parameters<ReturnType<typeof createRequestHandler>>[0], simulate: () => Simulation) =>
  createRequestHandler({ simulate, ask: () => ({ pods: [], allowed: [] }) })(request);

const fakeSimulation = { diagnostics: [], hasParseErrors: false } as unknown as Simulation;

describe('worker protocol', () => {
  it('drops answers older than the latest edit, whatever order they arrive in', () => {
    const latest = new LatestRequest();
    const first = latest.next();
    const second = latest.next();
    const third = latest.next();
    expect(latest.isStale({ id: third })).toBe(false);
    expect(latest.isStale({ id: first })).toBe(true);
    expect(latest.isStale({ id: second })).toBe(true);
    const fourth = latest.next();
    expect(latest.isStale({ id: third })).toBe(true);
    expect(latest.isStale({ id: fourth })).toBe(false);
  });

  it('answers ok with the request id', () => {
    const response = handleRequest({ type: 'simulate', id: 7, files: [] }, () => fakeSimulation);
    expect(response).toEqual({ type: 'simulate', id: 7, ok: true, simulation: fakeSimulation });
  });

  it('turns an engine exception into an error answer instead of throwing', () => {
    const response = handleRequest({ type: 'simulate', id: 3, files: [] }, () => {
      throw new TypeError('boom');
    });
    expect(response).toEqual({ type: 'simulate', id: 3, ok: false, error: 'TypeError: boom' });
  });

  it('answers a question about the text from the model it already built', () => {
    let builds = 0;
    const handle = createRequestHandler({
      simulate: () => (builds++, fakeSimulation),
      ask: (sim, question) => ({ pods: [question.kind, String(sim === fakeSimulation)], allowed: [] }),
    });
    const files = [{ name: 'a.yaml', text: 'x' }];
    handle({ type: 'simulate', id: 1, files });
    const response = handle({ type: 'ask', id: 1, files, question: { kind: 'matrix' } });
    expect(response).toEqual({ type: 'ask', id: 1, ok: true, answer: { pods: ['matrix', 'true'], allowed: [] } });
    expect(builds).toBe(1);
    handle({ type: 'ask', id: 2, files: [{ name: 'a.yaml', text: 'y' }], question: { kind: 'matrix' } });
    expect(builds).toBe(2);
  });

  it('keeps answers structured-cloneable', () => {
    const response = handleRequest({ type: 'simulate', id: 1, files: [{ name: 'a.yaml', text: 'x' }] }, () => fakeSimulation);
    expect(structuredClone(response)).toEqual(response);
  });
});

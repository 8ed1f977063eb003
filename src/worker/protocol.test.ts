import { describe, expect, it } from 'vitest';
import { LatestRequest, handleRequest } from './protocol';
import type { Simulation } from '../engine';

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

  it('keeps answers structured-cloneable', () => {
    const response = handleRequest({ type: 'simulate', id: 1, files: [{ name: 'a.yaml', text: 'x' }] }, () => fakeSimulation);
    expect(structuredClone(response)).toEqual(response);
  });
});

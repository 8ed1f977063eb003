// The engine never throws and never falls into its internal-error guard, whatever the text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/engine/index';
import type { Simulation } from '../../src/engine/index';
import { ROOM, SEED, garbageYaml, mutatedManifest, splicedText } from './arbitraries';

function wellFormed(sim: Simulation): void {
  expect(Array.isArray(sim.diagnostics)).toBe(true);
  for (const d of sim.diagnostics) {
    expect(d.code).toMatch(/^KN\d{4}$/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
    // simulate() catches its own crashes and says "internal error": that is a bug found, not an answer.
    expect(d.message).not.toContain('internal error');
  }
  // Plain data: it crosses the worker boundary and is printed as JSON.
  expect(() => structuredClone(sim)).not.toThrow();
}

const property = (name: string, arbitrary: fc.Arbitrary<string>, numRuns: number) =>
  it(name, () => {
    fc.assert(fc.property(arbitrary, (text) => wellFormed(simulate([{ name: 'fuzz.yaml', text }]))), { seed: SEED, numRuns });
  }, ROOM);

describe('simulate() on hostile text', () => {
  property('garbage YAML gives diagnostics, never a throw', garbageYaml, 100);
  property('seed scenarios with fields of the wrong type, huge numbers, bad addresses, unknown kinds and duplicates', mutatedManifest, 60);
  property('seed scenarios with text cut out or repeated', splicedText, 40);

  it('settings of the wrong type are ignored, not trusted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('serviceCIDR', 'podCIDR', 'proxyMode', 'networkPlugin', 'nodeCount', 'upstreamHosts', 'ipvsScheduler', 'clusterDomain'), fc.anything()), (settings) =>
        wellFormed(simulate([{ name: 'a.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n' }], settings as never))),
      { seed: SEED, numRuns: 40 },
    );
  }, ROOM);
});

// Every question answers or returns a QuestionError, whatever it names and whatever the manifests are.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ask, isQuestionError, simulate } from '../../src/engine/index';
import type { Question, Simulation } from '../../src/engine/index';
import { ROOM, SEED, SEEDS, anyManifest, hostileValue } from './arbitraries';

/** Names a user might type: real pods, Services and addresses from the simulation, and nonsense. */
function references(sim: Simulation): fc.Arbitrary<string> {
  const real = [
    'external',
    ...sim.cluster.pods.flatMap((p) => [`${p.namespace}/${p.name}`, p.name, p.podIP ?? '']),
    ...sim.cluster.services.flatMap((s) => [s.name, `${s.name}.${s.namespace}`, `${s.name}.${s.namespace}.svc.cluster.local`, `${s.clusterIP}:80`, `http://${s.name}.${s.namespace}/x`]),
    ...sim.cluster.workloads.map((w) => `${w.namespace}/${w.kind.toLowerCase()}/${w.name}`),
    ...sim.cluster.nodes.map((n) => n.name),
  ].filter((r) => r.length > 0);
  return fc.oneof(
    fc.constantFrom(...real),
    fc.constantFrom('', ':', '//', 'ip:', 'ip:999.1.1.1', '10.0.0.1:99999', 'a/b/c/d', 'http://', 'https://[::1]:443/', '<img src=x onerror=alert(1)>', '__proto__', '.', '..', 'a'.repeat(300)),
    fc.string({ maxLength: 30 }),
  );
}

const protocol = fc.constantFrom(undefined, 'TCP', 'UDP', 'SCTP', 'tcp', 'ICMP', '');
const port = fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.constantFrom('http', 'grpc', '', '80', 'x'.repeat(20), 1e308));

function question(sim: Simulation): fc.Arbitrary<Question> {
  const ref = references(sim);
  const trace = { from: ref, to: ref, protocol, method: fc.constantFrom(undefined, 'GET', ''), srcIp: fc.constantFrom(undefined, '1.2.3.4', 'x'), viaNode: fc.option(ref, { nil: undefined }), seed: fc.option(fc.integer(), { nil: undefined }) };
  return fc.oneof(
    fc.record({ kind: fc.constant('trace' as const), ...trace }),
    fc.record({ kind: fc.constant('sendMany' as const), ...trace, count: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constantFrom(1e9, 0.5, Number.MAX_SAFE_INTEGER)) }),
    fc.record({ kind: fc.constant('dns' as const), from: ref, name: ref, type: fc.constantFrom(undefined, 'A', 'AAAA', 'SRV', 'CNAME', 'PTR', 'MX', '') }),
    fc.record({ kind: fc.constant('reach' as const), from: ref, to: ref, port, protocol }),
    fc.record({ kind: fc.constant('matrix' as const), port: fc.option(port, { nil: undefined }), protocol, namespaces: fc.option(fc.array(ref, { maxLength: 3 }), { nil: undefined }) }),
    fc.record({ kind: fc.constant('endpoints' as const), service: fc.option(ref, { nil: undefined }) }),
  ) as fc.Arbitrary<Question>;
}

function answers(sim: Simulation, q: Question): void {
  const answer = ask(sim, q);
  expect(answer).toBeTypeOf('object');
  expect(answer).not.toBeNull();
  if (isQuestionError(answer)) {
    expect(answer.error.code).toMatch(/^[A-Z_]+$/);
    expect(answer.error.message.length).toBeGreaterThan(0);
  }
  expect(() => JSON.stringify(answer)).not.toThrow();
}

describe('ask() never throws', () => {
  const seeds = SEEDS.map((text) => simulate([{ name: 'seed.yaml', text }]));

  it('every kind of question about the seed scenarios, naming real and made-up things', () => {
    const arbitrary = fc.nat({ max: seeds.length - 1 }).chain((i) => fc.tuple(fc.constant(seeds[i]), question(seeds[i])));
    fc.assert(fc.property(arbitrary, ([sim, q]) => answers(sim, q)), { seed: SEED, numRuns: 150 });
  }, ROOM);

  it('questions about broken manifests', () => {
    const arbitrary = anyManifest.map((text) => simulate([{ name: 'fuzz.yaml', text }])).chain((sim) => fc.tuple(fc.constant(sim), question(sim)));
    fc.assert(fc.property(arbitrary, ([sim, q]) => answers(sim, q)), { seed: SEED, numRuns: 60 });
  }, ROOM);

  // Cloned as the worker boundary clones them (plain objects, no null prototypes).
  it('questions whose fields have the wrong type (they cross the worker boundary as data)', () => {
    const kinds = fc.constantFrom('trace', 'sendMany', 'dns', 'reach', 'matrix', 'endpoints');
    const fields = fc.dictionary(fc.constantFrom('from', 'to', 'name', 'port', 'protocol', 'count', 'service', 'namespaces', 'type', 'headers', 'seed'), hostileValue);
    fc.assert(fc.property(kinds, fields, fc.nat({ max: seeds.length - 1 }), (kind, f, i) => answers(seeds[i], structuredClone({ ...f, kind }) as Question)), { seed: SEED, numRuns: 150 });
  }, ROOM);
});

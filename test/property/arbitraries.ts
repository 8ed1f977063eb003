// Inputs a careless or hostile user could give: garbage text, seed scenarios with fields replaced by
// wrong types, huge numbers, bad addresses, unknown kinds and duplicates. Shared by the property tests.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';

const scenarioDir = fileURLToPath(new URL('../../src/scenarios/', import.meta.url));
export const SEEDS: string[] = readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => readFileSync(scenarioDir + f, 'utf8'));

/** Fixed so a failure reproduces; fast-check prints the failing case and its path. */
export const SEED = 20_260_8;
/** A test's time limit: runs are few (a few seconds in all), but CI machines are shared. Nothing is timed. */
export const ROOM = 60_000;

/** Values that are wrong in some field of some object. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    1e308, -1, 0, 2 ** 53 + 1, 1e9, -2147483649, 65536, 3.5, '', ' ', '999.999.1.1', '10.0.0.0/33', '10.0.0.1/8', '::1', 'fe80::/200',
    'not-an-ip', 'None', '<script>alert(1)</script>', '{{constructor}}', '__proto__', 'constructor', 'toString', 'a'.repeat(300),
    true, false, null, [], {}, [null], { __proto__x: 1 }, 'TCP', 'udp', 'LoadBalancer', 'http', '-1', '0x50', '8080',
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
);

type Path = Array<string | number>;

/** Every path into a parsed document (iterative: documents are small but may nest). */
function paths(root: unknown): Path[] {
  const out: Path[] = [];
  const stack: Array<[unknown, Path]> = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (path.length > 0) out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...path, i]]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push([v, [...path, k]]);
  }
  return out;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((cur, seg) => (cur as Record<string | number, unknown>)[seg], root);
}

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): void {
  let cur = root as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete cur[last];
  } else cur[last] = value;
}

type Mutation =
  | { op: 'replace' | 'delete'; doc: number; at: number; value: unknown }
  | { op: 'retype'; doc: number; at: number; pick: number }
  | { op: 'duplicate'; doc: number }
  | { op: 'unknownKind'; doc: number };

const RETYPED: unknown[] = [true, '80', 80, 1e308, -3, [], {}, ['x'], { x: 1 }, null, 'x'];
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A value of another type than `v` (a string where a number goes, a list where a map goes...). */
function retyped(v: unknown, pick: number): unknown {
  const others = RETYPED.filter((r) => typeOf(r) !== typeOf(v));
  return structuredClone(others[pick % others.length]);
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('replace' as const, 'delete' as const), doc: fc.nat(), at: fc.nat(), value: hostileValue }),
  fc.record({ op: fc.constant('retype' as const), doc: fc.nat(), at: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), doc: fc.nat(), at: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constantFrom('duplicate' as const, 'unknownKind' as const), doc: fc.nat() }) as fc.Arbitrary<Mutation>,
);

function mutate(seed: string, mutations: Mutation[]): string {
  const docs: unknown[] = parseAllDocuments(seed).map((d) => d.toJS());
  for (const m of mutations) {
    const i = m.doc % docs.length;
    if (m.op === 'duplicate') docs.push(structuredClone(docs[i]));
    else if (m.op === 'unknownKind') (docs[i] as Record<string, unknown>).kind = 'FrobnicatorSet';
    else {
      const all = paths(docs[i]);
      if (all.length === 0) continue;
      const path = all[m.at % all.length];
      if (m.op === 'retype') setAt(docs[i], path, retyped(valueAt(docs[i], path), m.pick), false);
      else setAt(docs[i], path, m.value, m.op === 'delete');
    }
  }
  return docs.map((d) => stringify(d)).join('---\n');
}

/** A seed scenario with 1 to 6 fields broken. */
export const mutatedManifest: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, ms]) => mutate(SEEDS[seed], ms));

/** A seed scenario with a slice of its text cut out or repeated (broken indentation, half documents). */
export const splicedText: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fc.nat(), fc.nat({ max: 200 }), fc.boolean())
  .map(([seed, at, length, repeat]) => {
    const text = SEEDS[seed];
    const start = at % text.length;
    const part = text.slice(start, start + length);
    return repeat ? text.slice(0, start) + part + part + text.slice(start) : text.slice(0, start) + text.slice(start + length);
  });

/** Text that is barely YAML: the characters YAML gives meaning to, in random order. */
export const garbageYaml: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom(':', '-', ' ', '  ', '\n', '---\n', '[', ']', '{', '}', '&a', '*a', '!!', '"', "'", '#', '|', '>', '? ', 'kind: Service', 'apiVersion: v1', 'metadata:', 'name: x', '%YAML 1.2\n', '\t', '...\n'), { maxLength: 80 }).map((parts) => parts.join('')),
  fc.integer({ min: 1, max: 400 }).map((depth) => `kind: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.integer({ min: 1, max: 400 }).map((depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}- `).join('\n')),
  fc.constant(''),
);

/** Any of the above. */
export const anyManifest: fc.Arbitrary<string> = fc.oneof(mutatedManifest, splicedText, garbageYaml);

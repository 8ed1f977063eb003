import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { MAX_INPUT_CHARS, MAX_OBJECTS, MAX_PODS } from './limits';

const run = (text: string) => simulate([{ name: 'paste.yaml', text }]);
const codes = (text: string) => run(text).diagnostics.map((d) => d.code);
/** Room for the tests that build thousands of objects on a loaded CI machine (correctness only, no timing). */
const HEAVY = 60_000;

const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
const deployment = (name: string, replicas: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: web}}\n` +
  '  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n';

/** "Billion laughs": each level holds ten copies of the one before. */
function aliasBomb(levels: number): string {
  const rows = ['  l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) rows.push(`  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${rows.join('\n')}\n`;
}

describe('input limits', () => {
  it('an alias bomb is refused with KN8004, and the other documents are still simulated', () => {
    const sim = run(`${aliasBomb(9)}---\n${service}`);
    const bomb = sim.diagnostics.find((d) => d.code === 'KN8004')!;
    expect(bomb).toMatchObject({ severity: 'error', line: 1 });
    expect(sim.cluster.services.map((s) => s.key)).toContain('default/web');
  });

  it('replicas: 1e9 builds at most MAX_PODS pods and says so at the replicas field', () => {
    const sim = run(deployment('huge', '1000000000'));
    expect(sim.cluster.pods.length).toBeLessThanOrEqual(MAX_PODS);
    expect(sim.cluster.pods.length).toBeGreaterThan(MAX_PODS - 10);
    const d = sim.diagnostics.find((x) => x.code === 'KN8003')!;
    expect(d).toMatchObject({ severity: 'warning', line: 5, object: 'Deployment/default/huge' });
    expect(d.message).toContain('1000000000');
 }, HEAVY);

  it('a workload after the pod budget is spent gets no pods, and each one short of its replicas is named', () => {
    const sim = run(`${deployment('first', '1000000000')}---\n${deployment('second', '3')}`);
    const short = sim.diagnostics.filter((d) => d.code === 'KN8003').map((d) => d.object);
    expect(short).toEqual(['Deployment/default/first', 'Deployment/default/second']);
    expect(sim.cluster.workloads.find((w) => w.name === 'second')!.pods).toEqual([]);
 }, HEAVY);

  it('text past MAX_INPUT_CHARS is not read: whole documents before the cut are, and KN8001 marks where reading stopped', () => {
    const filler = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: "${'x'.repeat(MAX_INPUT_CHARS)}"\n`;
    const text = `${service}---\n${filler}---\n${deployment('after', '1')}`;
    const sim = run(text);
    expect(sim.cluster.services.map((s) => s.key)).toContain('default/web');
    expect(sim.cluster.objects.map((o) => o.name)).not.toContain('after');
    const d = sim.diagnostics.find((x) => x.code === 'KN8001')!;
    expect(d.line).toBe(service.split('\n').length);
    expect(text.split('\n')[d.line - 1]).toBe('---');
  });

  it('objects past MAX_OBJECTS are dropped with KN8002 on the first one dropped', () => {
    const items = Array.from({ length: MAX_OBJECTS + 2 }, (_, i) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c${i}"}}`);
    const sim = run(`{"apiVersion":"v1","kind":"List","items":[\n${items.join(',\n')}\n]}`);
    expect(sim.cluster.objects).toHaveLength(MAX_OBJECTS);
    const d = sim.diagnostics.find((x) => x.code === 'KN8002')!;
    expect(d.line).toBe(MAX_OBJECTS + 2);
    expect(d.message).toContain(`${MAX_OBJECTS + 2} objects`);
 }, HEAVY);

  it('a document nested thousands deep is refused with KN8005, not a crash', () => {
    expect(codes(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n${service}`)).toContain('KN8005');
  });

  it('a key written twice in one mapping is still a syntax error at the second key (the check is ours, linear)', () => {
    const sim = run('apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n');
    expect(sim.diagnostics).toEqual([expect.objectContaining({ code: 'KN1001', line: 5, message: expect.stringContaining('Map keys must be unique') })]);
    expect(codes('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {"1": a, 1: b}\n')).not.toContain('KN1001');
  });
});

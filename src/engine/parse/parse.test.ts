import { describe, expect, it } from 'vitest';
import { locate, parseFiles } from './parse';

const parse = (text: string, name = 'app.yaml') => parseFiles([{ name, text }]);

describe('parseFiles', () => {
  it('reads every document, skipping empty ones and comments', () => {
    const r = parse(`# comment only\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\n---\n# nothing\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  namespace: x\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => [o.kind, o.name, o.namespace, o.source.line, o.source.doc])).toEqual([
      ['Service', 'a', null, 3, 0],
      ['Pod', 'b', 'x', 11, 3],
    ]);
  });

  it('reports a syntax error at its line and still reads the other documents', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: c\n';
    const r = parse(text);
    expect(r.hasParseErrors).toBe(true);
    expect(r.objects.map((o) => o.name)).toEqual(['a', 'c']);
    const d = r.diagnostics[0];
    expect(d.code).toBe('KN1001');
    expect(d.severity).toBe('error');
    expect(d.line).toBeGreaterThanOrEqual(9);
    expect(d.line).toBeLessThanOrEqual(10);
  });

  it('unrolls kind: List and *List kinds, JSON included, with each item’s own range', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'PodList', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1' } }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p2' } }] }, null, 2);
    const r = parse(json, 'pods.json');
    expect(r.objects.map((o) => o.name)).toEqual(['p1', 'p2']);
    expect(r.objects[1].source.line).toBeGreaterThan(r.objects[0].source.line);
    const list = parse('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: n1\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: n2\n');
    expect(list.objects.map((o) => [o.name, o.source.line])).toEqual([['n1', 4], ['n2', 8]]);
  });

  it('takes kind and apiVersion of typed list items from the list, as the API returns them', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p1', namespace: 'x' } }] });
    const r = parse(json, 'pods.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => [o.kind, o.apiVersion, o.name, o.namespace])).toEqual([['Pod', 'v1', 'p1', 'x']]);
    // A plain List names no kind for its items: they must carry their own.
    const untyped = parse('apiVersion: v1\nkind: List\nitems:\n- metadata:\n    name: n1\n');
    expect(untyped.diagnostics.map((d) => d.code)).toEqual(['KN1003']);
  });

  it('explains documents that are not objects or lack kind, apiVersion or name', () => {
    const r = parse('- a\n- b\n---\nkind: Service\nmetadata:\n  name: x\n---\napiVersion: v1\nmetadata:\n  name: y\n---\napiVersion: v1\nkind: Pod\nmetadata: {}\n---\n"just a string"\n');
    expect(r.objects).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['KN1002', 1], ['KN1003', 4], ['KN1003', 8], ['KN1003', 14], ['KN1002', 16]]);
    expect(r.hasParseErrors).toBe(false);
  });

  it('locates a field path at the exact line and column', () => {
    const r = parse('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n    - port: 81\n      nodePort: 99\n');
    const o = r.objects[0];
    expect(locate(o, ['spec', 'selector'])).toMatchObject({ line: 6, column: 3, endLine: 7 });
    expect(locate(o, ['spec', 'ports', 1, 'nodePort'])).toMatchObject({ line: 11, column: 7, endLine: 11, endColumn: 19 });
    // a missing leaf falls back to the deepest part that exists
    expect(locate(o, ['spec', 'ports', 0, 'targetPort'])).toMatchObject({ line: 9, column: 7 });
  });
});

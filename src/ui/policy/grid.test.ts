import { describe, expect, it } from 'vitest';
import type { MatrixAnswer } from '../../engine';
import { buildAxis, cellLabel, cellReader, cellSymbol, COLLAPSE_BEYOND, summarize, type AxisEntry } from './grid';

// shop: a → b allowed, b → a denied; web/c reaches everyone, nobody reaches c.
const matrix: MatrixAnswer = {
  pods: ['shop/a', 'shop/b', 'web/c'],
  allowed: [
    [true, true, false],
    [false, true, false],
    [true, true, true],
  ],
};

const pod = (axis: AxisEntry[], key: string) => axis.find((e) => e.type === 'pod' && e.key === key)!;
const ns = (axis: AxisEntry[], name: string) => axis.find((e) => e.type === 'namespace' && e.namespace === name)!;

describe('the matrix grid', () => {
  it('groups pods under a line per namespace, in the answer order', () => {
    const axis = buildAxis(matrix.pods, {});
    expect(axis.map((e) => (e.type === 'pod' ? e.key : `[${e.namespace}]`))).toEqual(['[shop]', 'shop/a', 'shop/b', '[web]', 'web/c']);
  });

  it('a closed namespace is its line alone; a large matrix starts closed', () => {
    expect(buildAxis(matrix.pods, { shop: false }).map((e) => e.type)).toEqual(['namespace', 'namespace', 'pod']);
    const many = Array.from({ length: COLLAPSE_BEYOND + 1 }, (_, i) => `ns-${i % 3}/p-${String(i).padStart(3, '0')}`).sort();
    expect(buildAxis(many, {}).every((e) => e.type === 'namespace')).toBe(true);
    expect(buildAxis(many, { 'ns-1': true }).filter((e) => e.type === 'pod').every((e) => e.namespace === 'ns-1')).toBe(true);
  });

  it('a pod cell is its verdict; a namespace cell counts its pairs', () => {
    const axis = buildAxis(matrix.pods, {});
    const read = cellReader(matrix);
    expect(read(pod(axis, 'shop/a'), pod(axis, 'shop/b'))).toEqual({ allowed: 1, total: 1 });
    expect(read(pod(axis, 'shop/b'), pod(axis, 'shop/a'))).toEqual({ allowed: 0, total: 1 });
    expect(read(ns(axis, 'shop'), ns(axis, 'shop'))).toEqual({ allowed: 3, total: 4 });
    expect(read(ns(axis, 'web'), ns(axis, 'shop'))).toEqual({ allowed: 2, total: 2 });
    expect(read(pod(axis, 'shop/a'), ns(axis, 'web'))).toEqual({ allowed: 0, total: 1 });
  });

  it('says allowed and denied with a symbol and in words, never by colour alone', () => {
    expect(cellSymbol({ allowed: 1, total: 1 })).toBe('✓');
    expect(cellSymbol({ allowed: 0, total: 4 })).toBe('✕');
    expect(cellSymbol({ allowed: 3, total: 4 })).toBe('3/4');
    expect(cellSymbol({ allowed: 300, total: 10000 })).toBe('◐');
    const axis = buildAxis(matrix.pods, {});
    expect(cellLabel(pod(axis, 'shop/b'), pod(axis, 'shop/a'), { allowed: 0, total: 1 })).toBe('Denied from shop/b to shop/a');
    expect(cellLabel(ns(axis, 'shop'), ns(axis, 'shop'), { allowed: 3, total: 4 })).toBe('3/4 pod pairs allowed from namespace shop to namespace shop');
  });

  it('counts pairs of different pods (a pod always reaches itself)', () => {
    expect(summarize(matrix)).toEqual({ pairs: 6, allowed: 3, denied: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import { keyMove } from './useRovingGrid';

describe('moving in the matrix by keyboard', () => {
  const at = { row: 3, column: 4 };
  it('arrows move one cell, pages a screen, Home and End to the row ends (with Ctrl: the corners)', () => {
    expect(keyMove('ArrowDown', false, at, 10, 5)).toEqual({ row: 4, column: 4 });
    expect(keyMove('ArrowLeft', false, at, 10, 5)).toEqual({ row: 3, column: 3 });
    expect(keyMove('PageDown', false, at, 10, 5)).toEqual({ row: 8, column: 4 });
    expect(keyMove('Home', false, at, 10, 5)).toEqual({ row: 3, column: 0 });
    expect(keyMove('End', true, at, 10, 5)).toEqual({ row: 10, column: 10 });
  });
  it('stops at the headers and the last cell', () => {
    expect(keyMove('PageUp', false, at, 10, 5)).toEqual({ row: 0, column: 4 });
    expect(keyMove('ArrowRight', false, { row: 3, column: 10 }, 10, 5)).toEqual({ row: 3, column: 10 });
  });
  it('other keys do not move', () => {
    expect(keyMove('Enter', false, at, 10, 5)).toBeNull();
  });
});

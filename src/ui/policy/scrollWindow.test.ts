import { describe, expect, it } from 'vitest';
import { scrollToReveal, visibleWindow, type GridGeometry } from './scrollWindow';

const grid: GridGeometry = { cell: 30, headerHeight: 180, headerWidth: 250, rows: 500, columns: 500 };

describe('the matrix window', () => {
  it('renders the cells on screen and a few around them, not the whole matrix', () => {
    const { rows, columns } = visibleWindow({ top: 0, left: 0, width: 850, height: 780 }, grid);
    expect(rows).toEqual({ first: 0, last: 24 });
    expect(columns).toEqual({ first: 0, last: 24 });
    const scrolled = visibleWindow({ top: 3000, left: 6000, width: 850, height: 780 }, grid);
    expect(scrolled.rows).toEqual({ first: 96, last: 124 });
    expect(scrolled.columns).toEqual({ first: 196, last: 224 });
  });

  it('stops at the edges of a small matrix', () => {
    expect(visibleWindow({ top: 0, left: 0, width: 2000, height: 2000 }, { ...grid, rows: 7, columns: 7 })).toEqual({
      rows: { first: 0, last: 7 },
      columns: { first: 0, last: 7 },
    });
  });

  it('scrolls a cell out from under the sticky headers, and leaves one in view alone', () => {
    const viewport = { top: 300, left: 300, width: 850, height: 780 };
    expect(scrollToReveal(viewport, grid, 12, 12)).toEqual({ top: 300, left: 300 });
    expect(scrollToReveal(viewport, grid, 5, 5)).toEqual({ top: 150, left: 150 });
    // Row 40 ends at 1230; 600 px of rows are visible below the header.
    expect(scrollToReveal(viewport, grid, 40, 40)).toEqual({ top: 630, left: 630 });
    // A header (index -1) never scrolls.
    expect(scrollToReveal(viewport, grid, -1, -1)).toEqual({ top: 300, left: 300 });
  });
});

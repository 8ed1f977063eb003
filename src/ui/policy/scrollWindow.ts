// Which rows and columns of a fixed-size grid are on screen, so a 500-pod matrix renders a few
// hundred cells instead of a quarter of a million. Pure arithmetic; the grid feeds it its scroll box.

export interface Viewport {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface GridGeometry {
  cell: number;
  /** Sticky header sizes: the column headers' height and the row headers' width. */
  headerHeight: number;
  headerWidth: number;
  rows: number;
  columns: number;
}

export interface WindowRange {
  first: number;
  /** Exclusive. */
  last: number;
}

const OVERSCAN = 4;

function range(scroll: number, size: number, header: number, cell: number, count: number): WindowRange {
  const first = Math.max(0, Math.floor(scroll / cell) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scroll + Math.max(0, size - header)) / cell) + OVERSCAN);
  return { first, last: Math.max(first, last) };
}

export function visibleWindow(viewport: Viewport, g: GridGeometry): { rows: WindowRange; columns: WindowRange } {
  return {
    rows: range(viewport.top, viewport.height, g.headerHeight, g.cell, g.rows),
    columns: range(viewport.left, viewport.width, g.headerWidth, g.cell, g.columns),
  };
}

/** The scroll offsets that bring data cell (row, column) fully into view (unchanged when it already is). */
export function scrollToReveal(viewport: Viewport, g: GridGeometry, row: number, column: number): { top: number; left: number } {
  const reveal = (scroll: number, size: number, header: number, index: number) => {
    if (index < 0) return scroll;
    const start = index * g.cell;
    const visible = Math.max(g.cell, size - header);
    if (start < scroll) return start;
    if (start + g.cell > scroll + visible) return start + g.cell - visible;
    return scroll;
  };
  return {
    top: reveal(viewport.top, viewport.height, g.headerHeight, row),
    left: reveal(viewport.left, viewport.width, g.headerWidth, column),
  };
}

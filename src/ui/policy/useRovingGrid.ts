// Keyboard focus for the windowed matrix: one tab stop (the active cell), arrow keys move it and
// scroll it into view, and focus follows once the cell is rendered.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { scrollToReveal, type GridGeometry, type Viewport, type WindowRange } from './scrollWindow';

/** Grid position: row 0 is the column headers, column 0 the row headers. */
export interface Position {
  row: number;
  column: number;
}

export const posKey = (p: Position) => `${p.row}:${p.column}`;

/** Where a key moves the active cell in a grid of `size` data rows and columns (plus headers); null for other keys. */
export function keyMove(key: string, ctrl: boolean, at: Position, size: number, page: number): Position | null {
  const moves: Record<string, Position> = {
    ArrowUp: { row: at.row - 1, column: at.column },
    ArrowDown: { row: at.row + 1, column: at.column },
    ArrowLeft: { row: at.row, column: at.column - 1 },
    ArrowRight: { row: at.row, column: at.column + 1 },
    PageUp: { row: at.row - page, column: at.column },
    PageDown: { row: at.row + page, column: at.column },
    Home: ctrl ? { row: 0, column: 0 } : { row: at.row, column: 0 },
    End: ctrl ? { row: size, column: size } : { row: at.row, column: size },
  };
  const next = moves[key];
  if (!next) return null;
  return { row: Math.max(0, Math.min(size, next.row)), column: Math.max(0, Math.min(size, next.column)) };
}

/** The scroll box's offsets and size, kept current. */
export function useViewport(box: RefObject<HTMLDivElement | null>): Viewport {
  const [viewport, setViewport] = useState<Viewport>({ top: 0, left: 0, width: 800, height: 600 });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const read = () =>
      setViewport({ top: element.scrollTop, left: element.scrollLeft, width: element.clientWidth, height: element.clientHeight });
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    element.addEventListener('scroll', read, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', read);
    };
  }, [box]);
  return viewport;
}

export function useRovingGrid(box: RefObject<HTMLDivElement | null>, geometry: GridGeometry, rows: WindowRange, columns: WindowRange) {
  const [active, setActive] = useState<Position>({ row: 0, column: 0 });
  const wantFocus = useRef(false);
  // The axis shrinks when a namespace closes: keep the active cell inside it.
  const current = { row: Math.min(active.row, geometry.rows), column: Math.min(active.column, geometry.columns) };
  const inWindow = (index: number, range: WindowRange) => index === 0 || (index - 1 >= range.first && index - 1 < range.last);
  // Roving tab stop: the active cell, or the corner when the active cell is scrolled away.
  const tabStop = posKey(inWindow(current.row, rows) && inWindow(current.column, columns) ? current : { row: 0, column: 0 });

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    const cell = box.current?.querySelector<HTMLElement>(`[data-pos="${posKey(current)}"]`);
    if (!cell) return;
    wantFocus.current = false;
    cell.focus({ preventScroll: true });
  });

  function moveTo(next: Position) {
    setActive(next);
    wantFocus.current = true;
    const element = box.current;
    if (!element) return;
    const now = { top: element.scrollTop, left: element.scrollLeft, width: element.clientWidth, height: element.clientHeight };
    const { top, left } = scrollToReveal(now, geometry, next.row - 1, next.column - 1);
    element.scrollTop = top;
    element.scrollLeft = left;
  }

  return { current, tabStop, setActive, moveTo };
}

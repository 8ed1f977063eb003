// The matrix as an ARIA grid: row = source, column = destination, sticky headers, only the cells
// on screen rendered, arrow keys move between cells and Enter explains (or opens a namespace).
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { cellLabel, cellReader, cellSymbol, verdictOf, type AxisEntry } from './grid';
import type { MatrixAnswer } from '../../engine';
import { scrollToReveal, visibleWindow, type GridGeometry, type Viewport } from './scrollWindow';

const CELL = 30;
const HEADER_HEIGHT = 176;
const HEADER_WIDTH = 250;

export interface MatrixGridProps {
  answer: MatrixAnswer;
  axis: AxisEntry[];
  explained: { from: string; to: string } | null;
  onExplain(from: string, to: string): void;
  onExpand(namespaces: string[], expanded: boolean): void;
}

/** Grid position: row 0 is the column headers, column 0 the row headers. */
interface Position {
  row: number;
  column: number;
}

const posKey = (p: Position) => `${p.row}:${p.column}`;

function headerText(entry: AxisEntry): string {
  if (entry.type === 'pod') return entry.name;
  const pods = `${entry.indices.length} pod${entry.indices.length === 1 ? '' : 's'}`;
  return `${entry.expanded ? '▾' : '▸'} ${entry.namespace} · ${pods}`;
}

function headerLabel(entry: AxisEntry): string {
  if (entry.type === 'pod') return `${entry.name} in ${entry.namespace}`;
  return `Namespace ${entry.namespace}, ${entry.indices.length} pods, ${entry.expanded ? 'open: Enter closes it' : 'closed: Enter opens it'}`;
}

function useViewport(box: RefObject<HTMLDivElement | null>): Viewport {
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

export function MatrixGrid({ answer, axis, explained, onExplain, onExpand }: MatrixGridProps) {
  const box = useRef<HTMLDivElement>(null);
  const viewport = useViewport(box);
  const read = useMemo(() => cellReader(answer), [answer]);
  const geometry: GridGeometry = { cell: CELL, headerHeight: HEADER_HEIGHT, headerWidth: HEADER_WIDTH, rows: axis.length, columns: axis.length };
  const { rows, columns } = visibleWindow(viewport, geometry);
  const [active, setActive] = useState<Position>({ row: 0, column: 0 });
  const wantFocus = useRef(false);

  // The axis shrinks when a namespace closes: keep the active cell inside it.
  const current = { row: Math.min(active.row, axis.length), column: Math.min(active.column, axis.length) };
  const rendered = (p: Position) =>
    (p.row === 0 || (p.row - 1 >= rows.first && p.row - 1 < rows.last)) && (p.column === 0 || (p.column - 1 >= columns.first && p.column - 1 < columns.last));
  // Roving tab stop: the active cell, or the corner when the active cell is scrolled away.
  const tabStop = posKey(rendered(current) ? current : { row: 0, column: 0 });

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    const cell = box.current?.querySelector<HTMLElement>(`[data-pos="${posKey(current)}"]`);
    if (!cell) return;
    wantFocus.current = false;
    cell.focus({ preventScroll: true });
  });

  function moveTo(next: Position) {
    const element = box.current;
    const clamped = { row: Math.max(0, Math.min(axis.length, next.row)), column: Math.max(0, Math.min(axis.length, next.column)) };
    setActive(clamped);
    wantFocus.current = true;
    if (!element) return;
    const now = { top: element.scrollTop, left: element.scrollLeft, width: element.clientWidth, height: element.clientHeight };
    const { top, left } = scrollToReveal(now, geometry, clamped.row - 1, clamped.column - 1);
    element.scrollTop = top;
    element.scrollLeft = left;
  }

  function activate(p: Position) {
    const row = p.row > 0 ? axis[p.row - 1] : null;
    const column = p.column > 0 ? axis[p.column - 1] : null;
    if (row && column) {
      if (row.type === 'pod' && column.type === 'pod') onExplain(row.key, column.key);
      else {
        const closed = [row, column].filter((e) => e.type === 'namespace' && !e.expanded).map((e) => e.namespace);
        if (closed.length > 0) onExpand(closed, true);
      }
      return;
    }
    const header = row ?? column;
    if (header?.type === 'namespace') onExpand([header.namespace], !header.expanded);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const page = Math.max(1, Math.floor((viewport.height - HEADER_HEIGHT) / CELL) - 1);
    const moves: Record<string, Position> = {
      ArrowUp: { row: current.row - 1, column: current.column },
      ArrowDown: { row: current.row + 1, column: current.column },
      ArrowLeft: { row: current.row, column: current.column - 1 },
      ArrowRight: { row: current.row, column: current.column + 1 },
      PageUp: { row: current.row - page, column: current.column },
      PageDown: { row: current.row + page, column: current.column },
      Home: event.ctrlKey ? { row: 0, column: 0 } : { row: current.row, column: 0 },
      End: event.ctrlKey ? { row: axis.length, column: axis.length } : { row: current.row, column: axis.length },
    };
    const next = moves[event.key];
    if (next) {
      event.preventDefault();
      moveTo(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(current);
    }
  }

  const cellProps = (p: Position) => {
    const key = posKey(p);
    return {
      'data-pos': key,
      tabIndex: key === tabStop ? 0 : -1,
      'aria-colindex': p.column + 1,
      onClick: () => {
        setActive(p);
        activate(p);
      },
      onFocus: () => {
        if (posKey(current) !== key) setActive(p);
      },
    };
  };

  const visibleColumns = axis.slice(columns.first, columns.last);
  const leftSpace = columns.first * CELL;
  const rightSpace = (axis.length - columns.last) * CELL;
  const allColumns = visibleColumns.length + 1 + (leftSpace ? 1 : 0) + (rightSpace ? 1 : 0);
  const spacer = (width: number, side: string): ReactNode =>
    width > 0 ? <td key={side} className="mx-spacer" style={{ width }} aria-hidden="true" role="presentation" /> : null;

  const header = (
    <tr role="row" aria-rowindex={1}>
      <th className="mx-corner" role="columnheader" scope="col" style={{ width: HEADER_WIDTH }} {...cellProps({ row: 0, column: 0 })}>
        <span className="mx-corner-from">From (source) ↓</span>
        <span className="mx-corner-to">To (destination) →</span>
      </th>
      {spacer(leftSpace, 'left')}
      {visibleColumns.map((entry, i) => {
        const column = columns.first + i + 1;
        return (
          <th
            key={entry.type === 'pod' ? entry.key : `ns:${entry.namespace}`}
            role="columnheader"
            scope="col"
            className={`mx-col-header ${entry.type === 'namespace' ? 'mx-ns' : ''}`}
            aria-label={headerLabel(entry)}
            aria-expanded={entry.type === 'namespace' ? entry.expanded : undefined}
            title={headerLabel(entry)}
            data-testid={entry.type === 'namespace' ? `matrix-col-ns-${entry.namespace}` : `matrix-col-${entry.key}`}
            {...cellProps({ row: 0, column })}
          >
            <span className="mx-vertical">{headerText(entry)}</span>
          </th>
        );
      })}
      {spacer(rightSpace, 'right')}
    </tr>
  );

  const bodyRows = axis.slice(rows.first, rows.last).map((rowEntry, i) => {
    const row = rows.first + i + 1;
    const rowKey = rowEntry.type === 'pod' ? rowEntry.key : `ns:${rowEntry.namespace}`;
    return (
      <tr key={rowKey} role="row" aria-rowindex={row + 1} className={rowEntry.type === 'namespace' ? 'mx-ns-row' : undefined}>
        <th
          role="rowheader"
          scope="row"
          className={`mx-row-header ${rowEntry.type === 'namespace' ? 'mx-ns' : ''}`}
          aria-label={headerLabel(rowEntry)}
          aria-expanded={rowEntry.type === 'namespace' ? rowEntry.expanded : undefined}
          title={headerLabel(rowEntry)}
          data-testid={rowEntry.type === 'namespace' ? `matrix-row-ns-${rowEntry.namespace}` : `matrix-row-${rowEntry.key}`}
          {...cellProps({ row, column: 0 })}
        >
          {headerText(rowEntry)}
        </th>
        {spacer(leftSpace, 'left')}
        {visibleColumns.map((columnEntry, j) => {
          const column = columns.first + j + 1;
          const value = read(rowEntry, columnEntry);
          const verdict = verdictOf(value);
          const pair = rowEntry.type === 'pod' && columnEntry.type === 'pod';
          const isExplained = pair && explained?.from === rowEntry.key && explained.to === columnEntry.key;
          const self = pair && rowEntry.key === columnEntry.key;
          const label = cellLabel(rowEntry, columnEntry, value) + (self ? ' (a pod may always reach itself)' : '');
          const classes = ['mx-cell', `mx-${verdict}`, pair ? '' : 'mx-aggregate', self ? 'mx-self' : '', isExplained ? 'mx-explained' : ''];
          return (
            <td
              key={columnEntry.type === 'pod' ? columnEntry.key : `ns:${columnEntry.namespace}`}
              role="gridcell"
              className={classes.filter(Boolean).join(' ')}
              aria-label={label}
              aria-selected={pair ? isExplained : undefined}
              title={label}
              data-testid={pair ? `matrix-cell-${rowEntry.key}-${columnEntry.key}` : undefined}
              data-verdict={verdict}
              {...cellProps({ row, column })}
            >
              {cellSymbol(value)}
            </td>
          );
        })}
        {spacer(rightSpace, 'right')}
      </tr>
    );
  });

  return (
    <div className="mx-scroll" ref={box} data-testid="matrix-grid-scroll">
      <table
        className="mx-table"
        role="grid"
        aria-label="Connectivity: rows are sources, columns are destinations"
        aria-rowcount={axis.length + 1}
        aria-colcount={axis.length + 1}
        data-testid="matrix-grid"
        style={{ width: HEADER_WIDTH + axis.length * CELL }}
        onKeyDown={onKeyDown}
      >
        <thead>{header}</thead>
        <tbody>
          {rows.first > 0 && (
            <tr className="mx-spacer-row" aria-hidden="true" role="presentation" style={{ height: rows.first * CELL }}>
              <td colSpan={allColumns} />
            </tr>
          )}
          {bodyRows}
          {rows.last < axis.length && (
            <tr className="mx-spacer-row" aria-hidden="true" role="presentation" style={{ height: (axis.length - rows.last) * CELL }}>
              <td colSpan={allColumns} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

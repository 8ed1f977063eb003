// The matrix as an ARIA grid: row = source, column = destination, sticky headers, only the cells
// on screen rendered, arrow keys move between cells and Enter explains (or opens a namespace).
import { useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { cellLabel, cellReader, cellSymbol, entryKey, verdictOf, type AxisEntry } from './grid';
import type { MatrixAnswer } from '../../engine';
import { visibleWindow, type GridGeometry } from './scrollWindow';
import { keyMove, posKey, useRovingGrid, useViewport, type Position } from './useRovingGrid';

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

function headerText(entry: AxisEntry): string {
  if (entry.type === 'pod') return entry.name;
  const pods = `${entry.indices.length} pod${entry.indices.length === 1 ? '' : 's'}`;
  return `${entry.expanded ? '▾' : '▸'} ${entry.namespace} · ${pods}`;
}

function headerLabel(entry: AxisEntry): string {
  if (entry.type === 'pod') return `${entry.name} in ${entry.namespace}`;
  return `Namespace ${entry.namespace}, ${entry.indices.length} pods, ${entry.expanded ? 'open: Enter closes it' : 'closed: Enter opens it'}`;
}

/** What a row or column header says to the eye, to a screen reader and to a test. */
function headerProps(entry: AxisEntry, side: 'row' | 'col') {
  const label = headerLabel(entry);
  return {
    'aria-label': label,
    'aria-expanded': entry.type === 'namespace' ? entry.expanded : undefined,
    title: label,
    'data-testid': entry.type === 'namespace' ? `matrix-${side}-ns-${entry.namespace}` : `matrix-${side}-${entry.key}`,
  };
}

export function MatrixGrid({ answer, axis, explained, onExplain, onExpand }: MatrixGridProps) {
  const box = useRef<HTMLDivElement>(null);
  const viewport = useViewport(box);
  const read = useMemo(() => cellReader(answer), [answer]);
  const geometry: GridGeometry = { cell: CELL, headerHeight: HEADER_HEIGHT, headerWidth: HEADER_WIDTH, rows: axis.length, columns: axis.length };
  const { rows, columns } = visibleWindow(viewport, geometry);
  const { current, tabStop, setActive, moveTo } = useRovingGrid(box, geometry, rows, columns);

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
    const next = keyMove(event.key, event.ctrlKey, current, axis.length, page);
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
            key={entryKey(entry)}
            role="columnheader"
            scope="col"
            className={`mx-col-header ${entry.type === 'namespace' ? 'mx-ns' : ''}`}
            {...headerProps(entry, 'col')}
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
    return (
      <tr key={entryKey(rowEntry)} role="row" aria-rowindex={row + 1} className={rowEntry.type === 'namespace' ? 'mx-ns-row' : undefined}>
        <th
          role="rowheader"
          scope="row"
          className={`mx-row-header ${rowEntry.type === 'namespace' ? 'mx-ns' : ''}`}
          {...headerProps(rowEntry, 'row')}
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
              key={entryKey(columnEntry)}
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

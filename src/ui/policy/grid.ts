// The connectivity matrix as a grid: pods grouped by namespace, a summary line per namespace,
// collapsed namespaces reduced to that line. Pure: no React.
import type { MatrixAnswer } from '../../engine';

/** A namespace's summary line (always present; its pods follow when it is open). */
export interface NamespaceEntry {
  type: 'namespace';
  namespace: string;
  /** Indices into `MatrixAnswer.pods`. */
  indices: number[];
  expanded: boolean;
}

export interface PodEntry {
  type: 'pod';
  index: number;
  key: string;
  namespace: string;
  name: string;
}

export type AxisEntry = NamespaceEntry | PodEntry;

/** Beyond this many pods the namespaces start closed, so a large cluster opens as a small table. */
export const COLLAPSE_BEYOND = 40;

export interface CellValue {
  allowed: number;
  total: number;
}

export interface MatrixSummary {
  /** Ordered pairs of distinct pods. */
  pairs: number;
  allowed: number;
  denied: number;
}

const namespaceOf = (key: string) => key.slice(0, key.indexOf('/'));
const nameOf = (key: string) => key.slice(key.indexOf('/') + 1);

/** Namespaces in the answer's order (pods come sorted by namespace, then name). */
export function namespacesOf(pods: string[]): Array<{ namespace: string; indices: number[] }> {
  const groups: Array<{ namespace: string; indices: number[] }> = [];
  pods.forEach((key, index) => {
    const namespace = namespaceOf(key);
    const last = groups[groups.length - 1];
    if (last && last.namespace === namespace) last.indices.push(index);
    else groups.push({ namespace, indices: [index] });
  });
  return groups;
}

/** Open unless the user closed it; a large matrix starts with every namespace closed. */
export function isExpanded(namespace: string, podCount: number, choice: Record<string, boolean>): boolean {
  return choice[namespace] ?? podCount <= COLLAPSE_BEYOND;
}

export function buildAxis(pods: string[], choice: Record<string, boolean>): AxisEntry[] {
  const entries: AxisEntry[] = [];
  for (const group of namespacesOf(pods)) {
    const expanded = isExpanded(group.namespace, pods.length, choice);
    entries.push({ type: 'namespace', namespace: group.namespace, indices: group.indices, expanded });
    if (!expanded) continue;
    for (const index of group.indices) {
      const key = pods[index];
      entries.push({ type: 'pod', index, key, namespace: group.namespace, name: nameOf(key) });
    }
  }
  return entries;
}

const indicesOf = (entry: AxisEntry) => (entry.type === 'pod' ? [entry.index] : entry.indices);

/** How many of the pairs a cell stands for are allowed (a pod pair: 1 of 1 or 0 of 1). */
export function cellValue(matrix: MatrixAnswer, row: AxisEntry, column: AxisEntry): CellValue {
  const sources = indicesOf(row);
  const destinations = indicesOf(column);
  let allowed = 0;
  for (const s of sources) {
    const line = matrix.allowed[s];
    for (const d of destinations) if (line[d]) allowed++;
  }
  return { allowed, total: sources.length * destinations.length };
}

/** A stable key for an axis entry (React keys, cache keys). */
export const entryKey = (entry: AxisEntry) => (entry.type === 'pod' ? entry.key : `ns:${entry.namespace}`);

/** cellValue with the namespace totals remembered: they cost a namespace's pods squared each. */
export function cellReader(matrix: MatrixAnswer): (row: AxisEntry, column: AxisEntry) => CellValue {
  const cache = new Map<string, CellValue>();
  return (row, column) => {
    if (row.type === 'pod' && column.type === 'pod') return { allowed: matrix.allowed[row.index][column.index] ? 1 : 0, total: 1 };
    const key = `${entryKey(row)}>${entryKey(column)}`;
    let value = cache.get(key);
    if (!value) cache.set(key, (value = cellValue(matrix, row, column)));
    return value;
  };
}

export function summarize(matrix: MatrixAnswer): MatrixSummary {
  const n = matrix.pods.length;
  let allowed = 0;
  for (let s = 0; s < n; s++) {
    const line = matrix.allowed[s];
    for (let d = 0; d < n; d++) if (s !== d && line[d]) allowed++;
  }
  const pairs = n * (n - 1);
  return { pairs, allowed, denied: pairs - allowed };
}

export type Verdict = 'allowed' | 'denied' | 'some';

export function verdictOf(value: CellValue): Verdict {
  if (value.allowed === value.total) return 'allowed';
  return value.allowed === 0 ? 'denied' : 'some';
}

/** What a cell shows: a symbol, never colour alone. */
export function cellSymbol(value: CellValue): string {
  const verdict = verdictOf(value);
  if (verdict === 'allowed') return '✓';
  if (verdict === 'denied') return '✕';
  // A cell is narrow: a long count gives way to a half-filled circle (the label says the count).
  const count = `${value.allowed}/${value.total}`;
  return count.length <= 5 ? count : '◐';
}

function entryLabel(entry: AxisEntry): string {
  return entry.type === 'pod' ? entry.key : `namespace ${entry.namespace}`;
}

/** A screen reader's reading of a cell. */
export function cellLabel(row: AxisEntry, column: AxisEntry, value: CellValue): string {
  const pair = `from ${entryLabel(row)} to ${entryLabel(column)}`;
  const verdict = verdictOf(value);
  if (value.total === 1) return `${verdict === 'allowed' ? 'Allowed' : 'Denied'} ${pair}`;
  // Starts with the count the cell shows, so the spoken name contains the visible text.
  if (verdict === 'some') return `${value.allowed}/${value.total} pod pairs allowed ${pair}`;
  return `All ${value.total} pod pairs ${verdict} ${pair}`;
}

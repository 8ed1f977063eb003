// Engine diagnostics as Monaco marker data. Pure: the severity numbers are Monaco's MarkerSeverity.
import type { Diagnostic, Severity } from '../../engine';
import type { Catalogue } from '../catalogue';

export const MARKER_OWNER = 'kube-netsim';

const MARKER_SEVERITY: Record<Severity, number> = { error: 8, warning: 4, info: 2 };

export interface MarkerData {
  severity: number;
  message: string;
  code: string;
  /** The catalogue's explanation page, when the code has one. */
  docs: string | null;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export function toMarkers(diagnostics: Diagnostic[], fileName: string, catalogue: Catalogue = {}): MarkerData[] {
  return diagnostics
    .filter((d) => d.file === fileName)
    .map((d) => {
      const startLineNumber = Math.max(1, d.line);
      const startColumn = Math.max(1, d.column);
      const endLineNumber = Math.max(startLineNumber, d.endLine);
      // A zero-width range would be invisible: underline at least one character.
      const endColumn = endLineNumber === startLineNumber ? Math.max(startColumn + 1, d.endColumn) : Math.max(1, d.endColumn);
      return { severity: MARKER_SEVERITY[d.severity], message: d.message, code: d.code, docs: catalogue[d.code]?.docs ?? null, source: 'kube-netsim', startLineNumber, startColumn, endLineNumber, endColumn };
    });
}

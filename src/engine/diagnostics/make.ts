import type { Diagnostic, Severity } from '../types';
import { DIAGNOSTIC_CATALOGUE, type DiagnosticCode } from './catalogue';

interface Where {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A diagnostic with the catalogue's severity (unless overridden) at `where`. */
export function diagnostic(code: DiagnosticCode, where: Where, message: string, object?: string | null, severity?: Severity): Diagnostic {
  const d: Diagnostic = {
    severity: severity ?? DIAGNOSTIC_CATALOGUE[code].severity,
    code,
    message,
    file: where.file,
    line: where.line,
    column: where.column,
    endLine: where.endLine,
    endColumn: where.endColumn,
  };
  if (object) d.object = object;
  return d;
}

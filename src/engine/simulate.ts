// The engine's entry point: text in, model and diagnostics out. Never throws.
import type { ClusterSettings, Diagnostic, InputFile, Simulation } from './types';
import { parseFiles } from './parse/parse';
import { buildCluster } from './model/build';
import { resolveSettings } from './model/settings';
import { validateObjects } from './validate/objects';
import { reviewCluster } from './validate/review';
import { validatePodDns } from './dns/validate';
import { diagnostic } from './diagnostics/make';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function simulate(files: InputFile[], settings?: Partial<ClusterSettings>): Simulation {
  const resolved = resolveSettings(settings);
  try {
    const parsed = parseFiles(files);
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    const built = buildCluster(parsed.objects, resolved, diagnostics);
    diagnostics.push(...validateObjects(built.unique));
    diagnostics.push(...reviewCluster(built.unique, built.cluster, built.index, parsed.hasParseErrors));
    diagnostics.push(...validatePodDns(built.unique, built.cluster));
    return { cluster: built.cluster, diagnostics: sortDiagnostics(dedupe(diagnostics)), hasParseErrors: parsed.hasParseErrors };
  } catch (e) {
    // A bug in the engine must not take the page down: report it and return an empty cluster.
    const message = `The simulator hit an internal error (${String((e as Error)?.message ?? e)}); please report it with this input.`;
    return {
      cluster: { settings: resolved, namespaces: [], nodes: [], pods: [], services: [], endpointSlices: [], workloads: [], networkPolicies: [], objects: [] },
      diagnostics: [diagnostic('KN1002', { file: firstName(files), line: 1, column: 1, endLine: 1, endColumn: 1 }, message)],
      hasParseErrors: true,
    };
  }
}

function firstName(files: unknown): string {
  const f = Array.isArray(files) ? files[0] : undefined;
  return f && typeof f === 'object' && typeof (f as { name?: unknown }).name === 'string' ? (f as { name: string }).name : 'input';
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** By file order of appearance, then position, then severity: stable for markers and tests. */
function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const fileOrder = new Map<string, number>();
  for (const d of ds) if (!fileOrder.has(d.file)) fileOrder.set(d.file, fileOrder.size);
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      (fileOrder.get(a.d.file)! - fileOrder.get(b.d.file)!) || a.d.line - b.d.line || a.d.column - b.d.column ||
      SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
    .map((x) => x.d);
}

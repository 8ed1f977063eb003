// Questions asked of a finished Simulation. Shapes are fixed by ../shared/cli-contract.md.
import type { EndpointSlice, EndpointsAnswer, Simulation, ValidateAnswer } from './types';

export interface QuestionError {
  error: { code: 'NOT_FOUND' | 'BAD_ARGUMENT'; message: string };
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the EndpointSlice controller would publish, per Service (sorted by `namespace/name`). */
export function endpoints(sim: Simulation, opts?: { service?: string }): EndpointsAnswer | QuestionError {
  const services = [...(sim?.cluster?.services ?? [])].sort((a, b) => byKey(a.key, b.key));
  let wanted = services;
  const ref = opts?.service;
  if (ref !== undefined && ref !== null) {
    if (typeof ref !== 'string' || ref.trim() === '' || ref.split('/').length > 2 || ref.split('/').some((p) => p === '')) {
      return { error: { code: 'BAD_ARGUMENT', message: `"${String(ref)}" is not a Service name; use <namespace>/<name> or <name>.` } };
    }
    const key = ref.includes('/') ? ref : `default/${ref}`;
    wanted = services.filter((s) => s.key === key);
    if (wanted.length === 0) return { error: { code: 'NOT_FOUND', message: `There is no Service ${key}.` } };
  }
  const slicesByService = new Map<string, EndpointSlice[]>();
  for (const sl of sim?.cluster?.endpointSlices ?? []) {
    const list = slicesByService.get(sl.service);
    if (list) list.push(sl);
    else slicesByService.set(sl.service, [sl]);
  }
  return {
    services: wanted.map((s) => ({
      service: s.key,
      type: s.type,
      clusterIP: s.clusterIP,
      slices: (slicesByService.get(s.key) ?? [])
        .map((sl) => ({
          name: sl.name,
          addressType: sl.addressType,
          ports: sl.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
          endpoints: sl.endpoints.map((e) => ({
            addresses: [...e.addresses],
            targetRef: e.targetRef,
            nodeName: e.nodeName,
            conditions: { ready: e.conditions.ready, serving: e.conditions.serving, terminating: e.conditions.terminating },
          })),
        })),
    })),
  };
}

/** Every diagnostic: what the API server would refuse and what a careful reviewer would flag. */
export function validate(sim: Simulation): ValidateAnswer {
  return {
    diagnostics: (sim?.diagnostics ?? []).map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      object: d.object ?? null,
      file: d.file,
      line: d.line,
      column: d.column,
    })),
  };
}

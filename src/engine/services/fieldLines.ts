// Editor lines of the fields a trace points at when it explains a drop (a Service's targetPort,
// its selector, a container's ports). Computed once per model, keyed by the object's own source
// range, so both a Pod object and a workload template are found from `pod.source`.
import type { FieldLines, SourceRange } from '../types';
import { locate, type FieldPath, type ParsedObject } from '../parse/parse';
import { field, int, list, str } from '../parse/read';
import { readProtocol, WORKLOAD_KINDS } from '../model/pods';

const LB_SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export function fieldKey(source: SourceRange, what: string): string {
  return `${source.file}@${source.offset}#${what}`;
}

function lines(r: SourceRange): FieldLines {
  return { file: r.file, line: r.line, endLine: r.endLine };
}

function serviceFields(o: ParsedObject, put: (what: string, path: FieldPath) => void): void {
  put('selector', ['spec', 'selector']);
  put('ports', ['spec', 'ports']);
  put('type', ['spec', 'type']);
  put('externalTrafficPolicy', ['spec', 'externalTrafficPolicy']);
  put('internalTrafficPolicy', ['spec', 'internalTrafficPolicy']);
  put('loadBalancerSourceRanges', ['spec', 'loadBalancerSourceRanges']);
  put('sourceRangesAnnotation', ['metadata', 'annotations', LB_SOURCE_RANGES_ANNOTATION]);
  put('sessionAffinity', ['spec', 'sessionAffinity']);
  list(field(o.value, 'spec', 'ports')).forEach((p, i) => {
    const port = int(field(p, 'port'));
    if (port === undefined) return;
    const id = `${port}/${readProtocol(field(p, 'protocol'))}`;
    put(`port:${id}`, ['spec', 'ports', i]);
    put(`targetPort:${id}`, field(p, 'targetPort') === undefined ? ['spec', 'ports', i] : ['spec', 'ports', i, 'targetPort']);
  });
}

function containerFields(o: ParsedObject, specPath: FieldPath, put: (what: string, path: FieldPath) => void): void {
  list(field(o.value, ...specPath, 'containers')).forEach((c, i) => {
    const name = str(field(c, 'name')) ?? String(i);
    put(`container:${name}`, [...specPath, 'containers', i, field(c, 'ports') === undefined ? 'name' : 'ports']);
  });
}

/** Field lines of every Service, Pod and workload template, for trace explanations. */
export function fieldSources(objects: ParsedObject[]): Record<string, FieldLines> {
  const out: Record<string, FieldLines> = {};
  for (const o of objects) {
    const put = (what: string, path: FieldPath): void => {
      if (field(o.value, ...path) === undefined) return;
      out[fieldKey(o.source, what)] = lines(locate(o, path));
    };
    if (o.kind === 'Service') serviceFields(o, put);
    else if (o.kind === 'Pod') containerFields(o, ['spec'], put);
    else if ((WORKLOAD_KINDS as readonly string[]).includes(o.kind)) containerFields(o, ['spec', 'template', 'spec'], put);
  }
  return out;
}

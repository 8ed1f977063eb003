import type { Namespace } from '../types';
import type { ParsedObject } from '../parse/parse';
import { field, stringMap } from '../parse/read';

const BUILTIN = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
export const NAME_LABEL = 'kubernetes.io/metadata.name';

/** Namespaces: the four built-in ones, Namespace objects (duplicates already dropped), and every namespace another object names. */
export function buildNamespaces(namespaceObjects: ParsedObject[], named: string[]): Namespace[] {
  const out = new Map<string, Namespace>();
  for (const name of BUILTIN) out.set(name, { name, labels: { [NAME_LABEL]: name }, implicit: true, source: null });
  for (const o of namespaceObjects) {
    out.set(o.name, { name: o.name, labels: { ...stringMap(field(o.value, 'metadata', 'labels')), [NAME_LABEL]: o.name }, implicit: false, source: o.source });
  }
  for (const name of named) {
    if (!out.has(name)) out.set(name, { name, labels: { [NAME_LABEL]: name }, implicit: true, source: null });
  }
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

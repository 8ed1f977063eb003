// YAML text -> objects with source ranges. Every document of every file; `*List` kinds unrolled.
import { LineCounter, YAMLParseError, parseAllDocuments, isMap, isSeq, isPair, isScalar } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import type { Diagnostic, InputFile, SourceRange } from '../types';
import { isRecord, str, type Json } from './read';
import { diagnostic } from '../diagnostics/make';
import { MAX_ALIAS_COUNT, MAX_INPUT_CHARS, MAX_OBJECTS } from './limits';

export type FieldPath = Array<string | number>;

/** One object found in the input. Internal: `node` and `lines` locate fields for diagnostics. */
export interface ParsedObject {
  value: Json;
  kind: string;
  apiVersion: string;
  name: string;
  /** metadata.namespace as written (null when absent). */
  namespace: string | null;
  source: SourceRange;
  node: YamlNode | null;
  lines: LineCounter;
}

export interface ParseResult {
  /** In document order across all files: later objects lose conflicts. */
  objects: ParsedObject[];
  diagnostics: Diagnostic[];
  hasParseErrors: boolean;
}

export function rangeOf(file: string, doc: number, lines: LineCounter, start: number, end: number): SourceRange {
  const a = lines.linePos(start);
  const b = lines.linePos(end);
  return { file, doc, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, offset: start, endOffset: end };
}

function nodeRange(node: YamlNode | null | undefined): [number, number] | null {
  if (!node || !node.range) return null;
  return [node.range[0], node.range[1]];
}

/** The range of a field inside an object: the key through the value, or the deepest part of the path that exists. */
export function locate(obj: ParsedObject, path: FieldPath): SourceRange {
  let node: YamlNode | null = obj.node;
  let best = nodeRange(node);
  for (const seg of path) {
    if (!node) break;
    if (isMap(node) && typeof seg === 'string') {
      const pair = (node.items as Pair[]).find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      const k = nodeRange(pair.key as YamlNode);
      const v = nodeRange(pair.value as YamlNode | null);
      if (k) best = [k[0], v ? v[1] : k[1]];
      node = (pair.value as YamlNode | null) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      const r = nodeRange(item);
      if (r) best = r;
      node = item;
    } else break;
  }
  if (!best) return obj.source;
  const range = rangeOf(obj.source.file, obj.source.doc, obj.lines, best[0], best[1]);
  return trimRange(range, obj.lines, best[0]);
}

/** A block value's range ends at the start of the next line; keep the end on the last line with content. */
function trimRange(r: SourceRange, lines: LineCounter, start: number): SourceRange {
  if (r.endColumn === 1 && r.endLine > r.line) {
    const prevLineStart = lines.lineStarts[r.endLine - 2] ?? start;
    const end = Math.max(start, r.endOffset - 1);
    return { ...r, endLine: r.endLine - 1, endColumn: end - prevLineStart + 1 };
  }
  return r;
}

const LIST_KIND = /List$/;

export function parseFiles(files: InputFile[]): ParseResult {
  const objects: ParsedObject[] = [];
  const diagnostics: Diagnostic[] = [];
  let hasParseErrors = false;
  let room = MAX_INPUT_CHARS;
  for (const file of Array.isArray(files) ? files : []) {
    if (!isRecord(file)) continue;
    const name = typeof file.name === 'string' ? file.name : 'input';
    const whole = typeof file.text === 'string' ? file.text : '';
    const text = readable(whole, room);
    room -= text.length;
    const lines = new LineCounter();
    if (text.length < whole.length) diagnostics.push(tooLarge(name, whole, text));
    let docs: ReturnType<typeof parseAllDocuments>;
    try {
      // Duplicate keys are found by duplicateKey() below: the library's own check is quadratic in a map's size.
      docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
    } catch (e) {
      hasParseErrors = true;
      diagnostics.push(diagnostic('KN1001', { file: name, line: 1, column: 1, endLine: 1, endColumn: 1 }, `The file could not be read as YAML: ${String((e as Error)?.message ?? e)}.`));
      continue;
    }
    const docList = Array.isArray(docs) ? docs : [];
    docList.forEach((doc, docIndex) => {
      if (doc.errors.length === 0) {
        const duplicate = duplicateKey(doc.contents as YamlNode | null);
        if (duplicate) doc.errors.push(new YAMLParseError(duplicate, 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
      if (doc.errors.length > 0) {
        hasParseErrors = true;
        // The first error is the cause; the ones after it are usually its echoes.
        for (const err of doc.errors.slice(0, 1)) {
          // An error "at the end" (an unclosed bracket or quote) is shown on the last line with content.
          const contentEnd = text.trimEnd().length;
          const start = Math.min(err.pos?.[0] ?? 0, Math.max(0, contentEnd - 1));
          const end = Math.max(start, Math.min(err.pos?.[1] ?? start, contentEnd));
          const r = rangeOf(name, docIndex, lines, start, end);
          const first = String(err.message).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/[.:]$/, '');
          diagnostics.push(/call stack/i.test(first)
            ? diagnostic('KN8005', r, 'This document is nested too deeply to read; flatten it. The other documents are still simulated.')
            : diagnostic('KN1001', r, `YAML syntax error: ${first}. Fix this document; the others are still simulated.`));
        }
        return;
      }
      const contents = doc.contents as YamlNode | null;
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (e) {
        hasParseErrors = true;
        const r = nodeRange(contents) ?? [0, 0];
        const where = rangeOf(name, docIndex, lines, r[0], r[1]);
        const message = String((e as Error)?.message ?? e);
        diagnostics.push(/alias/i.test(message)
          ? diagnostic('KN8004', where, `This document's aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies, so it is not read; write the values out or use fewer aliases.`)
          : /call stack/i.test(message)
            ? diagnostic('KN8005', where, 'This document is nested too deeply to read; flatten it. The other documents are still simulated.')
            : diagnostic('KN1001', where, `This document could not be read: ${message}.`));
        return;
      }
      if (value === null || value === undefined) return; // empty document
      const docRange = nodeRange(contents) ?? [0, text.length];
      const docSource = trimRange(rangeOf(name, docIndex, lines, docRange[0], docRange[1]), lines, docRange[0]);
      const kind = isRecord(value) ? str(value.kind) : undefined;
      if (isRecord(value) && kind && LIST_KIND.test(kind) && Array.isArray(value.items)) {
        const itemsNode = isMap(contents) ? (contents.get('items', true) as YamlNode | undefined) : undefined;
        value.items.forEach((item, i) => {
          const itemNode = itemsNode && isSeq(itemsNode) ? ((itemsNode.items[i] as YamlNode | undefined) ?? null) : null;
          const r = nodeRange(itemNode);
          const source = r ? trimRange(rangeOf(name, docIndex, lines, r[0], r[1]), lines, r[0]) : docSource;
          const o = toObject(withListDefaults(item, kind, value.apiVersion), itemNode, source, lines, diagnostics);
          if (o) objects.push(o);
        });
        return;
      }
      const o = toObject(value, contents, docSource, lines, diagnostics);
      if (o) objects.push(o);
    });
  }
  if (objects.length > MAX_OBJECTS) {
    const first = objects[MAX_OBJECTS];
    diagnostics.push(diagnostic('KN8002', first.source, `The input holds ${objects.length} objects; the simulator reads the first ${MAX_OBJECTS}, so this one and the ${objects.length - MAX_OBJECTS - 1} after it are not simulated.`));
    objects.length = MAX_OBJECTS;
  }
  return { objects, diagnostics, hasParseErrors };
}

/** The part of `text` read within `room` characters: whole documents, cut at the last `---` that fits. */
function readable(text: string, room: number): string {
  if (text.length <= room) return text;
  const head = text.slice(0, Math.max(0, room));
  const separator = head.lastIndexOf('\n---');
  return separator >= 0 ? head.slice(0, separator + 1) : '';
}

function tooLarge(file: string, whole: string, read: string): Diagnostic {
  const line = read.split('\n').length;
  const chars = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return diagnostic('KN8001', { file, line, column: 1, endLine: line, endColumn: 1 },
    `The input is ${chars(whole.length)} characters long; the simulator reads at most ${chars(MAX_INPUT_CHARS)}, so the documents from line ${line} on are not read. Paste only the objects the question needs.`);
}

/** The range of the first key written twice in one mapping, walking without recursion (input can nest deeply). */
function duplicateKey(root: YamlNode | null): [number, number] | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const k = `${typeof pair.key.value}:${String(pair.key.value)}`;
          if (seen.has(k) && k !== 'string:<<') return nodeRange(pair.key) ?? [0, 0];
          seen.add(k);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return null;
}

/** Items of a typed list (`PodList`, as the API returns it) may omit kind and apiVersion: the list names them. */
function withListDefaults(item: unknown, listKind: string, listApiVersion: unknown): unknown {
  if (!isRecord(item) || listKind === 'List') return item;
  return {
    ...item,
    kind: item.kind ?? listKind.replace(LIST_KIND, ''),
    apiVersion: item.apiVersion ?? listApiVersion,
  };
}

function toObject(value: unknown, node: YamlNode | null, source: SourceRange, lines: LineCounter, diagnostics: Diagnostic[]): ParsedObject | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) {
    diagnostics.push(diagnostic('KN1002', source, 'This document is not a Kubernetes object: it should be a mapping with apiVersion, kind and metadata.name.'));
    return null;
  }
  const stub: ParsedObject = { value, kind: '', apiVersion: '', name: '', namespace: null, source, node, lines };
  const kind = str(value.kind);
  const apiVersion = str(value.apiVersion);
  const metadata = value.metadata;
  const name = isRecord(metadata) ? str(metadata.name) : undefined;
  const namespace = isRecord(metadata) ? str(metadata.namespace) : undefined;
  if (!kind) {
    diagnostics.push(diagnostic('KN1003', locate(stub, ['kind']), 'This object has no kind (a string such as "Service" or "Deployment"); add one.'));
    return null;
  }
  if (!apiVersion) {
    diagnostics.push(diagnostic('KN1003', locate(stub, ['apiVersion']), `This ${kind} has no apiVersion; add one (for example "v1" or "apps/v1").`));
    return null;
  }
  if (!name) {
    const generate = isRecord(metadata) && typeof metadata.generateName === 'string';
    diagnostics.push(diagnostic('KN1003', locate(stub, ['metadata']), generate
      ? `This ${kind} uses metadata.generateName, which the simulator cannot name deterministically; give it a metadata.name.`
      : `This ${kind} has no metadata.name; give it a name.`));
    return null;
  }
  return { ...stub, kind, apiVersion, name, namespace: namespace && namespace.length > 0 ? namespace : null };
}

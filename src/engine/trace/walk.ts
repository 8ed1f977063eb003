// The state of one request while it is followed: the hops so far and how it ended.
import type { Cluster, FieldLines, Node, Pod, Protocol, SourceRange } from '../types';
import type { ClusterIndex } from '../services/lookup';
import type { ProxyState } from '../services/balance';
import { fieldKey } from '../services/fieldLines';
import type { DropReason, HopKind, TraceAnswer, TraceHop } from './types';
import type { DnsAnswer } from '../dns/types';

export interface Source {
  /** The pod that sends, or null for the external client. */
  pod: Pod | null;
  ip: string;
  port: number;
  node: Node | null;
}

export interface Walk {
  cluster: Cluster;
  index: ClusterIndex;
  random: () => number;
  state: ProxyState;
  protocol: Protocol;
  source: Source;
  viaNode: Node | null;
  hops: TraceHop[];
  answer: TraceAnswer;
  /** DNS answers already computed in this run of requests (the same pod and name always get the same answer). */
  dnsAnswers: Map<string, DnsAnswer>;
}

export const addr = (ip: string, port: number | null) => (port === null ? ip : `${ip}:${port}`);

export function hop(w: Walk, kind: HopKind, name: string, ip: string | null, port: number | null, note: string,
  extra: { ref: string | null; packet: { src: string; dst: string }; sources?: FieldLines[] }): number {
  const h: TraceHop = { kind, name, ip, port, note, packet: extra.packet, ref: extra.ref };
  if (extra.sources && extra.sources.length > 0) h.sources = extra.sources;
  w.hops.push(h);
  return w.hops.length - 1;
}

/** Ends the walk at the last hop with a reason, a message, a fix and the lines to change. */
export function drop(w: Walk, reason: DropReason, message: string, fix: string, sources: Array<FieldLines | null> = []): void {
  const lines = sources.filter((s): s is FieldLines => s !== null);
  w.answer.delivered = false;
  w.answer.destination = null;
  w.answer.drop = { hop: w.hops.length - 1, reason, message, fix, ...(lines.length ? { sources: lines } : {}) };
}

/** Lines of one field of an object (see services/fieldLines.ts), or null. */
export function fieldLines(w: Walk, source: SourceRange | null, what: string): FieldLines | null {
  return source ? (w.cluster.fieldSources?.[fieldKey(source, what)] ?? null) : null;
}

/** The contract's candidates: every pod the request could end at, sorted by pod. */
export function setCandidates(w: Walk, candidates: Array<{ pod: string; probability: number }>): void {
  w.answer.candidates = candidates.map((c) => ({ pod: c.pod, probability: c.probability })).sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
}

export const podRef = (pod: Pod) => `Pod/${pod.key}`;
export const nodeRef = (node: Node) => `Node/${node.name}`;
export const serviceRef = (key: string) => `Service/${key}`;

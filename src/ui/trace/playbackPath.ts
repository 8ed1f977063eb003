// A trace answer as an animation path for the playback store. Pure.
import type { TraceAnswer, TraceHop } from '../../engine';
import { CLIENT_ID, loadBalancerId, nodeId, podId, serviceId } from '../canvas/topology';
import { FILE_NAME, type PlaybackHop, type PlaybackPath } from '../state/stores';

const ELEMENT_OF: Record<string, (key: string) => string> = {
  LoadBalancer: loadBalancerId,
  Node: nodeId,
  Service: serviceId,
  Pod: podId,
};

/** The canvas element a hop's `ref` names (`Pod/shop/web-0` → `pod-shop/web-0`); null when it has none. */
export function elementOfRef(ref: string | null | undefined): string | null {
  if (!ref) return null;
  if (ref === 'Client') return CLIENT_ID;
  const slash = ref.indexOf('/');
  const toId = slash > 0 ? ELEMENT_OF[ref.slice(0, slash)] : undefined;
  return toId ? toId(ref.slice(slash + 1)) : null;
}

function address(ip: string | null, port: number | null): string | null {
  if (!ip) return null;
  return port === null ? ip : `${ip}:${port}`;
}

export function toPlaybackHops(hops: TraceHop[]): PlaybackHop[] {
  const result: PlaybackHop[] = [];
  for (const hop of hops) {
    const previous = result.at(-1);
    result.push({
      element: elementOfRef(hop.ref),
      kind: hop.kind,
      label: hop.name,
      caption: hop.note,
      // A hop that says nothing about the packet keeps what the one before said.
      src: hop.packet?.src ?? previous?.src ?? null,
      dst: hop.packet?.dst ?? previous?.dst ?? address(hop.ip, hop.port),
    });
  }
  return result;
}

type Ranges = Array<{ file: string; line: number; endLine: number }> | undefined;

function inEditor(ranges: Ranges): Array<{ line: number; endLine: number }> {
  return (ranges ?? []).filter((r) => r.file === FILE_NAME).map(({ line, endLine }) => ({ line, endLine }));
}

export function toPlaybackPath(answer: TraceAnswer, title: string): Omit<PlaybackPath, 'id'> {
  const drop = answer.drop;
  return {
    title,
    hops: toPlaybackHops(answer.hops),
    drop: drop ? { hop: drop.hop, reason: drop.reason, message: drop.message, fix: drop.fix } : null,
    // The lines to change when it is dropped; the hop's own lines when the engine names no other.
    highlights: drop ? inEditor(drop.sources?.length ? drop.sources : answer.hops[drop.hop]?.sources) : [],
  };
}

/**
 * Which addresses this hop rewrote (DNAT: the destination, SNAT: the source). Only within one
 * packet's journey: the DNS exchange is packets of its own, and its answer travels back.
 */
export function rewrites(previous: PlaybackHop | undefined, hop: PlaybackHop): { src: boolean; dst: boolean } {
  const samePacket =
    previous !== undefined && (previous.kind === 'DNS') === (hop.kind === 'DNS') && (hop.dst === null || hop.dst !== previous.src);
  if (!samePacket) return { src: false, dst: false };
  return {
    src: previous.src !== null && hop.src !== null && previous.src !== hop.src,
    dst: previous.dst !== null && hop.dst !== null && previous.dst !== hop.dst,
  };
}

/** The element the packet sits at for hop `index`: its own, or the last one before it that has one. */
export function elementAt(hops: PlaybackHop[], index: number, present: (id: string) => boolean): string | null {
  for (let i = Math.min(index, hops.length - 1); i >= 0; i--) {
    const id = hops[i].element;
    if (id && present(id)) return id;
  }
  return null;
}

/** The canvas elements the path passes, in order, without repeats in a row. */
export function trailOf(hops: PlaybackHop[]): string[] {
  const trail: string[] = [];
  for (const hop of hops) if (hop.element && trail.at(-1) !== hop.element) trail.push(hop.element);
  return trail;
}

// The packet on the canvas: a marker that glides between the hop elements' positions, and the
// current hop's caption. Position updates are written straight to the DOM in animation frames,
// so a running animation costs no React render; React renders once per hop.
import { Panel, ViewportPortal, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { usePlayback, usePlayground } from '../state/context';
import type { PlaybackState } from '../state/stores';
import { HopCaption } from '../trace/HopCaption';
import { elementAt } from '../trace/playbackPath';
import { onCanvas, type Topology } from './topology';
import '../trace/trace.css';

interface Point {
  x: number;
  y: number;
}

const easeInOut = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** Moves the marker element along the path; re-placed when the layout (`layoutKey`) changes. */
function usePacketMotion(el: HTMLDivElement | null, layoutKey: unknown, topology: Topology) {
  const { playback } = usePlayground();
  const { getInternalNode } = useReactFlow();
  const flow = useStoreApi();
  useEffect(() => {
    if (!el) return;
    let at: Point | null = null;
    let frame = 0;
    // The packet sits on the card's top-left corner: over its border and the edges coming in,
    // leaving the card's name and addresses readable.
    const corner = (id: string): Point | null => {
      const node = getInternalNode(id);
      return node ? { ...node.internals.positionAbsolute } : null;
    };
    const targetOf = (state: PlaybackState): Point | null => {
      // A pod drawn grouped is reached at its group's card.
      const hops = state.path?.hops.map((hop) => ({ ...hop, element: onCanvas(topology, hop.element) }));
      const id = hops ? elementAt(hops, state.index, (candidate) => getInternalNode(candidate) !== undefined) : null;
      return id ? corner(id) : null;
    };
    // The marker keeps its size on screen whatever the zoom (never smaller than drawn at 100%).
    const draw = (p: Point) => {
      const scale = Math.min(3, Math.max(1, 1 / flow.getState().transform[2]));
      el.style.transform = `translate(${p.x}px, ${p.y}px) scale(${scale})`;
      el.style.visibility = 'visible';
    };
    const snap = () => {
      cancelAnimationFrame(frame);
      el.dataset.moving = 'false';
      at = targetOf(playback.getState());
      if (at) draw(at);
      else el.style.visibility = 'hidden';
    };
    const glide = (to: Point | null, ms: number) => {
      cancelAnimationFrame(frame);
      el.dataset.moving = 'false';
      if (!to) return;
      const from = at ?? to;
      const start = performance.now();
      // Written twice per hop, not per frame: screenshots and tests wait for the packet to settle.
      el.dataset.moving = 'true';
      const tick = (now: number) => {
        const t = easeInOut(Math.min(1, (now - start) / ms));
        at = { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
        draw(at);
        if (t < 1) frame = requestAnimationFrame(tick);
        else el.dataset.moving = 'false';
      };
      frame = requestAnimationFrame(tick);
    };
    // A new layout reaches React Flow's node lookup during this commit: place the marker on the next frame.
    frame = requestAnimationFrame(snap);
    const offPlayback = playback.subscribe((state, previous) => {
      if (state.path !== previous.path) snap();
      else if (state.index !== previous.index) glide(targetOf(state), Math.min(700, 700 / state.speed));
    });
    const offZoom = flow.subscribe((state, previous) => {
      if (at && state.transform[2] !== previous.transform[2]) draw(at);
    });
    return () => {
      cancelAnimationFrame(frame);
      offPlayback();
      offZoom();
    };
  }, [el, layoutKey, topology, playback, getInternalNode, flow]);
}

function PacketMarker({ layoutKey, topology }: { layoutKey: unknown; topology: Topology }) {
  // A callback ref: the portal's target appears only after React Flow's first render.
  const [marker, setMarker] = useState<HTMLDivElement | null>(null);
  const path = usePlayback((s) => s.path);
  const index = usePlayback((s) => s.index);
  usePacketMotion(marker, layoutKey, topology);
  const hop = path?.hops[index];
  const dropped = path?.drop?.hop === index;
  return (
    <ViewportPortal>
      <div ref={setMarker} className="packet-marker" data-testid="packet-marker" data-hop={index} data-dropped={dropped ? 'true' : 'false'} style={{ visibility: 'hidden' }}>
        {hop && (
          <div className={`packet${dropped ? ' packet-dropped' : ''}`}>
            <span className="packet-icon" aria-hidden="true">
              {dropped ? '✕' : '✉'}
            </span>
            <span className="packet-text">{dropped ? `Dropped: ${path?.drop?.reason}` : hop.dst}</span>
          </div>
        )}
      </div>
    </ViewportPortal>
  );
}

function offCanvasNote(hopElement: string | null, topology: Topology): string | null {
  const element = onCanvas(topology, hopElement);
  if (!element || topology.elements.some((e) => e.id === element)) return null;
  return element.includes('kube-system/')
    ? 'This hop is in kube-system, hidden on the canvas: tick "Show kube-system" in the legend to see it.'
    : 'This hop is not drawn on the canvas.';
}

function CanvasCaption({ topology }: { topology: Topology }) {
  const path = usePlayback((s) => s.path);
  const index = usePlayback((s) => s.index);
  if (!path || !path.hops[index]) return null;
  return (
    <Panel position="bottom-left" className="canvas-caption">
      <div className="canvas-caption-title">{path.title}</div>
      <HopCaption hops={path.hops} index={index} dropped={path.drop?.hop === index} offCanvas={offCanvasNote(path.hops[index].element, topology)} testid="canvas-caption" />
      {path.drop?.hop === index && <div className="canvas-caption-drop">{path.drop.message}</div>}
    </Panel>
  );
}

/** The packet and its caption, drawn over the topology while a trace is loaded. */
export function PacketOverlay({ topology, layoutKey }: { topology: Topology; layoutKey: unknown }) {
  return (
    <>
      <PacketMarker layoutKey={layoutKey} topology={topology} />
      <CanvasCaption topology={topology} />
    </>
  );
}

import '@xyflow/react/dist/style.css';
import { Background, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStoreApi, type Edge } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayback, useSelection, useSettings } from '../state/context';
import { trailOf } from '../trace/playbackPath';
import { useStepKeys } from '../trace/useStepKeys';
import { layoutTopology, type Box } from './layout';
import { nodeTypes, type CanvasNode } from './nodes';
import { PacketOverlay } from './PacketOverlay';
import { PolicyLegend, usePolicyFlowEdges } from '../policy/CanvasPolicy';
import { elementsAtLine, onCanvas, POD_CARD_LIMIT, shapeOf, type Topology, type TopologyEdge } from './topology';
import { useTopology } from './useTopology';

const EDGE_COLOUR: Record<TopologyEdge['kind'], string> = {
  'client-lb': '#7b61ff',
  'client-node': '#7b61ff',
  'lb-node': '#7b61ff',
  'node-service': '#b07d00',
  'service-pod': '#4a6fa5',
  'policy-flow': '#1b8a3a',
};

/** The elements a trace passes (in order): lit, with the edges between neighbours on it. */
function trailSets(trail: string[]) {
  const pairs = new Set(trail.slice(1).flatMap((id, i) => [`${trail[i]}>${id}`, `${id}>${trail[i]}`]));
  return { elements: new Set(trail), pairs };
}

function buildFlow(topology: Topology, boxes: Map<string, Box>, selectedId: string | null, highlighted: string[], trail: string[] = []) {
  // The selection outlives results by id; one this result lacks (a renamed object, another
  // scenario) must not fade every edge. A pod drawn grouped is selected as its card.
  const selectedCard = onCanvas(topology, selectedId);
  const selected = topology.elements.some((e) => e.id === selectedCard) ? selectedCard : null;
  const lit = new Set(highlighted);
  const onTrail = trailSets(trail);
  const colourOf = new Map(topology.namespaces.map((n) => [n.name, n.colour]));
  const nodes: CanvasNode[] = topology.elements.map((element) => {
    const box = boxes.get(element.id)!;
    const classes = [element.id === selected ? 'is-selected' : '', lit.has(element.id) ? 'is-highlighted' : '', onTrail.elements.has(element.id) ? 'is-on-path' : ''].filter(Boolean);
    return {
      id: element.id,
      type: element.data.kind,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      parentId: element.parentId ?? undefined,
      extent: element.parentId ? ('parent' as const) : undefined,
      draggable: false,
      selectable: element.data.kind !== 'podGroup',
      className: classes.join(' '),
      zIndex: element.data.kind === 'podGroup' ? -1 : 1,
      data: {
        element: element.data,
        testId: element.id,
        namespaceColour: 'namespace' in element.data ? (colourOf.get(element.data.namespace) ?? null) : null,
      },
    };
  });
  const edges: Edge[] = topology.edges.map((edge) => {
    const touched = edge.source === selected || edge.target === selected;
    if (onTrail.pairs.has(`${edge.source}>${edge.target}`)) {
      // Drawn still: a dash animation repaints every path on every frame, beside the moving packet.
      return { id: edge.id, source: edge.source, target: edge.target, selectable: false, className: 'is-on-path', style: { stroke: '#d9480f', strokeWidth: 3.5 } };
    }
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      selectable: false,
      animated: touched,
      style: {
        stroke: edge.ready ? EDGE_COLOUR[edge.kind] : '#9aa3ad',
        strokeWidth: touched ? 2.5 : 1.4,
        strokeDasharray: edge.ready ? undefined : '6 4',
        opacity: selected && !touched ? 0.35 : 0.9,
      },
    };
  });
  return { nodes, edges };
}

function Legend({ topology }: { topology: Topology }) {
  const showBuiltin = useSettings((s) => s.showBuiltin);
  const setShowBuiltin = useSettings((s) => s.setShowBuiltin);
  return (
    <div className="legend" data-testid="legend">
      {topology.groupedPods !== null && (
        <div className="legend-grouped" data-testid="grouped-pods-banner" title={`Past ${POD_CARD_LIMIT} pods, one card per pod would slow the page down.`}>
          <strong>{topology.groupedPods.toLocaleString('en')} pods, grouped:</strong> one card per workload on each node. Click a card to list its pods.
        </div>
      )}
      <div className="legend-title">Namespaces</div>
      {topology.namespaces.map((n) => (
        <div key={n.name} className="legend-row">
          <span className="swatch" style={{ background: n.colour }} />
          {n.name}
        </div>
      ))}
      <label className="legend-toggle">
        <input type="checkbox" data-testid="toggle-builtin" checked={showBuiltin} onChange={(e) => setShowBuiltin(e.target.checked)} />
        Show kube-system {topology.hiddenBuiltins > 0 && !showBuiltin ? `(${topology.hiddenBuiltins} hidden)` : ''}
      </label>
      <div className="legend-row muted">
        <span className="line-sample dashed" /> endpoint not ready
      </div>
    </div>
  );
}

/** The details panel narrows the canvas when it opens: pan (keeping the zoom) if that hid the selected element. */
function useKeepSelectedInView(selected: string | null) {
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    if (!selected) return;
    // Two frames: the first lays the panel out, the canvas's resize observer has run by the second.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(check);
    });
    const check = () => {
      const node = getInternalNode(selected);
      if (!node) return;
      const { x, y, zoom } = getViewport();
      const { width, height } = store.getState();
      const { x: left, y: top } = node.internals.positionAbsolute;
      const w = node.measured.width ?? 0;
      const h = node.measured.height ?? 0;
      const inView = left * zoom + x >= 0 && top * zoom + y >= 0 && (left + w) * zoom + x <= width && (top + h) * zoom + y <= height;
      if (!inView) void setCenter(left + w / 2, top + h / 2, { zoom, duration: 200 });
    };
    return () => cancelAnimationFrame(frame);
  }, [selected, getInternalNode, getViewport, setCenter, store]);
}

function Flow({ topology }: { topology: Topology }) {
  const selected = useSelection((s) => s.selected);
  // Derived from the line and the current result, so it follows every new result; shallow-equal
  // while the cursor stays inside one object, so moving it there restyles nothing.
  const highlighted = useSelection(useShallow((s) => (s.cursorLine === null ? [] : elementsAtLine(topology, s.cursorLine))));
  const select = useSelection((s) => s.select);
  // Layout once per result; selection and highlight only restyle.
  const boxes = useMemo(() => layoutTopology(topology), [topology]);
  const path = usePlayback((s) => s.path);
  const trail = useMemo(() => (path ? trailOf(path.hops.map((hop) => ({ ...hop, element: onCanvas(topology, hop.element) }))) : []), [path, topology]);
  const { nodes, edges } = useMemo(() => buildFlow(topology, boxes, selected, highlighted, trail), [topology, boxes, selected, highlighted, trail]);
  const flows = usePolicyFlowEdges(topology);
  const shownEdges = useMemo(() => (flows.length > 0 ? [...edges, ...flows] : edges), [edges, flows]);
  const { fitView } = useReactFlow();
  // Re-fit when elements come or go, not when one is renamed: typing a name must not reset the user's zoom.
  const shape = useMemo(() => shapeOf(topology), [topology]);
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.08, maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [shape, fitView]);

  useKeepSelectedInView(onCanvas(topology, selected));

  return (
    <ReactFlow
      nodes={nodes}
      edges={shownEdges}
      nodeTypes={nodeTypes}
      onNodeClick={(_, node) => select(node.type === 'podGroup' ? null : node.id)}
      onPaneClick={() => select(null)}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      onlyRenderVisibleElements
      minZoom={0.05}
      maxZoom={2}
      fitView
      fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
      attributionPosition="bottom-center"
    >
      <Background gap={24} color="#e3e7ec" />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable nodeStrokeWidth={2} style={{ width: 160, height: 100 }} />
      <Panel position="top-left">
        <Legend topology={topology} />
        <PolicyLegend topology={topology} />
      </Panel>

      <PacketOverlay topology={topology} layoutKey={boxes} />
    </ReactFlow>
  );
}

export function Canvas() {
  const topology = useTopology();
  // Space plays or pauses a loaded trace and the arrow keys step it while focus is on the canvas.
  const onKeyDown = useStepKeys();
  if (!topology) return <div className="canvas-empty muted">Simulating the cluster…</div>;
  return (
    <div className="canvas" data-testid="canvas" tabIndex={0} aria-label="Cluster topology" onKeyDownCapture={onKeyDown}>
      <ReactFlowProvider>
        <Flow topology={topology} />
      </ReactFlowProvider>
    </div>
  );
}

// Positions for the topology: dagre lays out the columns left to right; pods are placed in a
// grid inside their node's frame. Pure: no React.
import dagre from '@dagrejs/dagre';
import { CLIENT_ID, type ElementData, type Topology } from './topology';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const POD_WIDTH = 250;
export const POD_HEIGHT = 62;
const POD_GAP = 10;
const GROUP_PADDING = 10;
const GROUP_HEADER = 34;
const LINE = 19;

/** Cards per row inside a node frame: one column while it stays short, a squarish grid after. */
export function podColumns(count: number): number {
  return count <= 8 ? 1 : Math.ceil(Math.sqrt(count / 3));
}

export function sizeOf(data: ElementData): { width: number; height: number } {
  switch (data.kind) {
    case 'client':
      return data.exposed ? { width: 150, height: 48 } : { width: 170, height: 84 };
    case 'loadBalancer':
      return { width: 195, height: 54 + LINE * Math.max(1, data.addresses.length) };
    case 'node':
      return { width: 195, height: 72 + LINE * Math.min(data.nodePorts.length, 6) + (data.nodePorts.length ? 20 : 0) };
    case 'service':
      return { width: 250, height: 78 + LINE * data.ports.length + (data.noEndpoints ? 52 : 0) };
    case 'pod':
    case 'podAggregate':
      return { width: POD_WIDTH, height: POD_HEIGHT };
    case 'podGroup': {
      const columns = podColumns(data.cardCount);
      const rows = Math.ceil(data.cardCount / columns);
      return {
        width: GROUP_PADDING * 2 + columns * POD_WIDTH + (columns - 1) * POD_GAP,
        height: GROUP_HEADER + GROUP_PADDING + rows * POD_HEIGHT + (rows - 1) * POD_GAP,
      };
    }
  }
}

/** Boxes for every element; children's boxes are relative to their parent frame. */
export function layoutTopology(topology: Topology): Map<string, Box> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 40, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));

  const parentOf = new Map<string, string>();
  const boxes = new Map<string, Box>();
  const topLevel = topology.elements.filter((e) => e.parentId === null);
  // Looked up per edge: a Map, so many Services and pods stay linear.
  const kinds = new Map(topLevel.map((e) => [e.id, e.data.kind]));
  const kindOf = (id: string): ElementData['kind'] => kinds.get(id) ?? 'loadBalancer';
  for (const element of topLevel) graph.setNode(element.id, sizeOf(element.data));
  for (const element of topology.elements) if (element.parentId) parentOf.set(element.id, element.parentId);

  const hasLoadBalancers = topLevel.some((e) => e.data.kind === 'loadBalancer');
  const nodeRank = hasLoadBalancers ? 2 : 1;
  const column: Partial<Record<ElementData['kind'], number>> = {
    loadBalancer: 1,
    node: nodeRank,
    service: nodeRank + 1,
    podGroup: nodeRank + 2,
  };
  const reached = new Set<string>();
  for (const edge of topology.edges) {
    const source = parentOf.get(edge.source) ?? edge.source;
    const target = parentOf.get(edge.target) ?? edge.target;
    if (!graph.hasNode(source) || !graph.hasNode(target) || source === target) continue;
    // The client's own edges get the LB column's length; nodes reached straight from it skip that column.
    const minlen = source === CLIENT_ID ? (column[kindOf(target)] ?? 1) : 1;
    graph.setEdge(source, target, { minlen, weight: 1 });
    reached.add(target);
  }
  // Layout-only edges keep unconnected elements (a ClusterIP Service, an idle node) in their column.
  for (const element of topLevel) {
    const minlen = column[element.data.kind];
    if (minlen !== undefined && !reached.has(element.id)) graph.setEdge(CLIENT_ID, element.id, { minlen, weight: 0 });
  }
  dagre.layout(graph);

  for (const element of topLevel) {
    const node = graph.node(element.id);
    boxes.set(element.id, { x: node.x - node.width / 2, y: node.y - node.height / 2, width: node.width, height: node.height });
  }

  // Inside a frame, pods sit in the vertical order of the Services that reach them, so a
  // Service's edges run to one band of the frame instead of crossing the whole column.
  const serviceY = new Map<string, number>();
  for (const edge of topology.edges) {
    const box = boxes.get(edge.source);
    if (!box || kindOf(edge.source) !== 'service') continue;
    const y = box.y + box.height / 2;
    serviceY.set(edge.target, Math.min(serviceY.get(edge.target) ?? Infinity, y));
  }
  const byId = new Map(topology.elements.map((e) => [e.id, e]));
  const children = new Map<string, string[]>();
  for (const element of topology.elements) {
    if (!element.parentId || byId.get(element.parentId)?.data.kind !== 'podGroup') continue;
    const list = children.get(element.parentId) ?? [];
    list.push(element.id);
    children.set(element.parentId, list);
  }
  for (const [parentId, ids] of children) {
    const parent = byId.get(parentId)!;
    if (parent.data.kind !== 'podGroup') continue;
    const columns = podColumns(parent.data.cardCount);
    // Array.prototype.sort is stable: pods reached by no Service keep their order, at the end.
    const ordered = [...ids].sort((a, b) => (serviceY.get(a) ?? Infinity) - (serviceY.get(b) ?? Infinity));
    ordered.forEach((id, index) => {
      boxes.set(id, {
        x: GROUP_PADDING + (index % columns) * (POD_WIDTH + POD_GAP),
        y: GROUP_HEADER + Math.floor(index / columns) * (POD_HEIGHT + POD_GAP),
        width: POD_WIDTH,
        height: POD_HEIGHT,
      });
    });
  }
  return boxes;
}

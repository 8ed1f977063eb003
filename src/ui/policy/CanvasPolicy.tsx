// NetworkPolicy on the topology canvas: a mark on isolated pods, and (when asked for) the flows
// policies let through on the matrix's port, drawn between workloads.
import { Handle, MarkerType, Position, type Edge } from '@xyflow/react';
import { useMemo } from 'react';
import type { PodIsolation, Topology } from '../canvas/topology';
import { policyFlowEdges } from '../canvas/policyFlows';
import { useSimulation } from '../state/context';
import { usePolicyView } from './store';
import { useMatrix } from './useMatrix';
import './policy.css';

const FLOW_COLOUR = '#1b8a3a';
const FLOW_OUT = 'policy-out';
const FLOW_IN = 'policy-in';

/** On a grouped card: how many of its pods are isolated each way. */
interface IsolatedCount {
  ingress: number;
  egress: number;
  total: number;
}

function isolationTitle(isolation: PodIsolation, of?: IsolatedCount): string {
  const who = (n: number | undefined) => (of && n !== undefined ? `${n} of ${of.total} pods ` : '');
  const parts = [
    isolation.ingress.length > 0 ? `${who(of?.ingress)}Ingress-isolated by ${isolation.ingress.join(', ')}: only what their ingress rules allow comes in.` : '',
    isolation.egress.length > 0 ? `${who(of?.egress)}Egress-isolated by ${isolation.egress.join(', ')}: only what their egress rules allow goes out.` : '',
    isolation.enforced ? '' : 'The network plugin does not enforce NetworkPolicy, so this has no effect.',
  ];
  return parts.filter(Boolean).join(' ');
}

/** "⊘ in, out" on a pod card: a symbol and words (not a colour) say which ways the pod is isolated. */
export function IsolationMark({ isolation, of }: { isolation: PodIsolation; of?: IsolatedCount }) {
  const ways = [isolation.ingress.length > 0 ? 'in' : '', isolation.egress.length > 0 ? 'out' : ''].filter(Boolean);
  if (ways.length === 0) return null;
  return (
    <span
      className={`iso-mark${isolation.enforced ? '' : ' iso-mark-ignored'}`}
      title={isolationTitle(isolation, of)}
      data-testid="isolation-mark"
      data-ingress={isolation.ingress.length > 0}
      data-egress={isolation.egress.length > 0}
      data-enforced={isolation.enforced}
    >
      <span aria-hidden="true">
        ⊘ {ways.join(', ')}
      </span>
      <span className="mx-sr-only">{isolationTitle(isolation, of)}</span>
    </span>
  );
}

/**
 * Policy flows leave and enter a pod on its right side, so a flow between two pods of the pod
 * column arcs beside it instead of crossing the cards.
 */
export function PolicyHandles() {
  return (
    <>
      <Handle type="source" id={FLOW_OUT} position={Position.Right} isConnectable={false} className="flow-handle" style={{ top: '30%' }} />
      <Handle type="target" id={FLOW_IN} position={Position.Right} isConnectable={false} className="flow-handle" style={{ top: '70%' }} />
    </>
  );
}

/** React Flow edges for the allowed flows, when "Show policy flows" is on. */
export function usePolicyFlowEdges(topology: Topology): Edge[] {
  const show = usePolicyView((s) => s.showFlows);
  const cluster = useSimulation((s) => s.simulation?.cluster ?? null);
  const matrix = useMatrix('policy-canvas', show);
  const answer = show && matrix.status === 'ready' ? matrix.answer : null;
  return useMemo(() => {
    if (!answer || !cluster) return [];
    return policyFlowEdges(cluster, topology, answer).map((edge, i) => ({
      id: edge.id,
      // A bracket out to the right of the pod column; each flow a little further out, so they stay apart.
      type: 'smoothstep',
      pathOptions: { offset: 28 + (i % 6) * 14, borderRadius: 10 },
      source: edge.source,
      target: edge.target,
      sourceHandle: FLOW_OUT,
      targetHandle: FLOW_IN,
      selectable: false,
      zIndex: 5,
      className: 'policy-flow',
      markerEnd: { type: MarkerType.ArrowClosed, color: FLOW_COLOUR, width: 16, height: 16 },
      style: { stroke: FLOW_COLOUR, strokeWidth: 2.2, strokeDasharray: edge.partial ? '5 4' : undefined },
      data: { partial: edge.partial ?? false },
    }));
  }, [answer, cluster, topology]);
}

/** Pods isolated either way, whether drawn one by one or grouped. */
function isolatedPods(topology: Topology): number {
  let count = 0;
  for (const { data } of topology.elements) {
    if (data.kind === 'pod' && (data.isolation.ingress.length > 0 || data.isolation.egress.length > 0)) count++;
    if (data.kind === 'podAggregate') count += data.isolatedPods.either;
  }
  return count;
}

/** The policy part of the canvas legend: what the marks mean, and the flows toggle. */
export function PolicyLegend({ topology }: { topology: Topology }) {
  const show = usePolicyView((s) => s.showFlows);
  const setShow = usePolicyView((s) => s.setShowFlows);
  const port = usePolicyView((s) => s.port);
  const protocol = usePolicyView((s) => s.protocol);
  const policies = useSimulation((s) => s.simulation?.cluster.networkPolicies.length ?? 0);
  const plugin = useSimulation((s) => s.simulation?.cluster.settings.networkPlugin ?? null);
  const enforced = !topology.elements.some((e) => (e.data.kind === 'pod' || e.data.kind === 'podAggregate') && !e.data.isolation.enforced);
  const isolated = isolatedPods(topology);
  if (policies === 0) return null;
  return (
    <div className="legend legend-policy" data-testid="policy-legend">
      <div className="legend-title">
        NetworkPolicy · {isolated} pod{isolated === 1 ? '' : 's'} isolated
      </div>
      <div className="legend-row">
        <span className="iso-mark">⊘ in</span> ingress <span className="iso-mark">⊘ out</span> egress
      </div>
      {!enforced && (
        <div className="legend-row legend-warning" data-testid="policy-not-enforced">
          ⚠ {plugin} does not enforce NetworkPolicy: nothing is isolated (marks struck through)
        </div>
      )}
      <label className="legend-toggle">
        <input type="checkbox" data-testid="toggle-policy-flows" checked={show} onChange={(e) => setShow(e.target.checked)} />
        Show policy flows at {port}/{protocol}
      </label>
      {show && enforced && (
        <div className="legend-row" title="Flows are drawn where a policy decides, between workloads, at the Policy matrix's port.">
          <span className="line-sample flow-sample" /> all pods <span className="line-sample flow-sample flow-some" /> some pods
        </div>
      )}
    </div>
  );
}

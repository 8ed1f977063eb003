// NetworkPolicy on the topology canvas: a mark on isolated pods, and (when asked for) the flows
// policies let through on the matrix's port, drawn between workloads.
import { MarkerType, type Edge } from '@xyflow/react';
import { useMemo } from 'react';
import type { PodIsolation, Topology } from '../canvas/topology';
import { policyFlowEdges } from '../canvas/policyFlows';
import { useSimulation } from '../state/context';
import { usePolicyView } from './store';
import { useMatrix } from './useMatrix';
import './policy.css';

const FLOW_COLOUR = '#1b8a3a';

function isolationTitle(isolation: PodIsolation): string {
  const parts = [
    isolation.ingress.length > 0 ? `Ingress-isolated by ${isolation.ingress.join(', ')}: only what their ingress rules allow comes in.` : '',
    isolation.egress.length > 0 ? `Egress-isolated by ${isolation.egress.join(', ')}: only what their egress rules allow goes out.` : '',
    isolation.enforced ? '' : 'The network plugin does not enforce NetworkPolicy, so this has no effect.',
  ];
  return parts.filter(Boolean).join(' ');
}

/** "isolated: in, out" on a pod card; a word, not a colour, says which way. */
export function IsolationMark({ isolation }: { isolation: PodIsolation }) {
  const ways = [isolation.ingress.length > 0 ? 'in' : '', isolation.egress.length > 0 ? 'out' : ''].filter(Boolean);
  if (ways.length === 0) return null;
  return (
    <span
      className={`iso-mark${isolation.enforced ? '' : ' iso-mark-ignored'}`}
      title={isolationTitle(isolation)}
      aria-label={isolationTitle(isolation)}
      data-testid="isolation-mark"
      data-ingress={isolation.ingress.length > 0}
      data-egress={isolation.egress.length > 0}
    >
      <span aria-hidden="true">⊘</span> {isolation.enforced ? 'isolated' : 'not enforced'}: {ways.join(', ')}
    </span>
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
    return policyFlowEdges(cluster, topology, answer).map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      selectable: false,
      zIndex: 5,
      className: 'policy-flow',
      markerEnd: { type: MarkerType.ArrowClosed, color: FLOW_COLOUR, width: 16, height: 16 },
      style: { stroke: FLOW_COLOUR, strokeWidth: 2.2, strokeDasharray: edge.partial ? '5 4' : undefined },
      data: { partial: edge.partial ?? false },
    }));
  }, [answer, cluster, topology]);
}

/** The policy part of the canvas legend: what the marks mean, and the flows toggle. */
export function PolicyLegend({ topology }: { topology: Topology }) {
  const show = usePolicyView((s) => s.showFlows);
  const setShow = usePolicyView((s) => s.setShowFlows);
  const port = usePolicyView((s) => s.port);
  const protocol = usePolicyView((s) => s.protocol);
  const policies = useSimulation((s) => s.simulation?.cluster.networkPolicies.length ?? 0);
  const isolated = topology.elements.filter((e) => e.data.kind === 'pod' && (e.data.isolation.ingress.length > 0 || e.data.isolation.egress.length > 0)).length;
  if (policies === 0) return null;
  return (
    <div className="legend legend-policy" data-testid="policy-legend">
      <div className="legend-title">NetworkPolicy</div>
      <div className="legend-row">
        <span className="iso-mark">⊘ isolated: in, out</span>
      </div>
      <div className="legend-row muted">
        {isolated} pod{isolated === 1 ? '' : 's'} isolated (in = ingress, out = egress)
      </div>
      <label className="legend-toggle">
        <input type="checkbox" data-testid="toggle-policy-flows" checked={show} onChange={(e) => setShow(e.target.checked)} />
        Show policy flows at {port}/{protocol}
      </label>
      {show && (
        <>
          <div className="legend-row">
            <span className="line-sample flow-sample" /> every pod may connect
          </div>
          <div className="legend-row">
            <span className="line-sample flow-sample dashed" /> some pods may connect
          </div>
          <div className="legend-row muted">Port and protocol: the Policy matrix's filter.</div>
        </>
      )}
    </div>
  );
}

// One small component per kind of canvas element. Each carries its data-testid.
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ClientData, ElementData, LoadBalancerData, NodeData, PodAggregateData, PodData, PodGroupData, ServiceData } from './topology';
import { IsolationMark, PolicyHandles } from '../policy/CanvasPolicy';

export type CanvasNode = Node<{ element: ElementData; testId: string; namespaceColour: string | null }>;

function Ports() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </>
  );
}

function ClientNode({ data }: NodeProps<CanvasNode>) {
  const element = data.element as ClientData;
  return (
    <div className="card card-client" data-testid={data.testId}>
      <Ports />
      <div className="card-title">{element.label}</div>
      {!element.exposed && <div className="card-line muted">no LoadBalancer or NodePort lets it in</div>}
    </div>
  );
}

function LoadBalancerNode({ data }: NodeProps<CanvasNode>) {
  const element = data.element as LoadBalancerData;
  return (
    <div className="card card-lb" data-testid={data.testId}>
      <Ports />
      <div className="card-kind">Load balancer</div>
      <div className="card-title">{element.service}</div>
      {element.addresses.length === 0 ? (
        <div className="card-line muted">external IP pending</div>
      ) : (
        element.addresses.map((a) => (
          <div key={a} className="card-line mono">
            {a}
          </div>
        ))
      )}
    </div>
  );
}

function ClusterNodeNode({ data }: NodeProps<CanvasNode>) {
  const element = data.element as NodeData;
  const shown = element.nodePorts.slice(0, 6);
  return (
    <div className="card card-node" data-testid={data.testId}>
      <Ports />
      <div className="card-kind">Node {element.ready ? '' : '· NotReady'}</div>
      <div className="card-title">{element.name}</div>
      <div className="card-line mono">{element.internalIP}</div>
      {shown.length > 0 && <div className="card-subtitle">listens on NodePorts</div>}
      {shown.map((p) => (
        <div key={`${p.port}/${p.protocol}`} className="card-line mono" title={`${p.port}/${p.protocol} → ${p.service}`}>
          :{p.port}
          {p.protocol === 'TCP' ? '' : `/${p.protocol}`} → {p.service.slice(p.service.indexOf('/') + 1)}
        </div>
      ))}
      {element.nodePorts.length > shown.length && <div className="card-line muted">+{element.nodePorts.length - shown.length} more</div>}
    </div>
  );
}

function serviceKind(element: ServiceData): string {
  if (element.type === 'ExternalName') return 'ExternalName';
  if (element.headless) return 'Headless';
  return element.type;
}

function ServiceNode({ data }: NodeProps<CanvasNode>) {
  const element = data.element as ServiceData;
  return (
    <div
      className={`card card-service${element.noEndpoints ? ' no-endpoints' : ''}`}
      data-testid={data.testId}
      data-no-endpoints={element.noEndpoints ? 'true' : 'false'}
      style={data.namespaceColour ? { borderLeftColor: data.namespaceColour } : undefined}
    >
      <Ports />
      <div className="card-kind">
        Service · {serviceKind(element)}
        <span className="ns-label" style={{ color: data.namespaceColour ?? undefined }}>
          {element.namespace}
        </span>
      </div>
      <div className="card-title">{element.name}</div>
      {element.ports.map((p) => (
        <div key={p} className="card-line mono" title={p}>
          {p}
        </div>
      ))}
      {element.type !== 'ExternalName' && (
        <div className="card-line muted">
          {element.readyEndpoints} ready of {element.totalEndpoints} endpoints
        </div>
      )}
      {element.noEndpoints && (
        <div className="no-endpoints-box">
          <span className="badge badge-danger" data-testid="no-endpoints-badge">
            no endpoints
          </span>
          <span className="reason" title={element.reason ?? undefined}>
            {element.reason}
          </span>
        </div>
      )}
    </div>
  );
}

function PodGroupNode({ data }: NodeProps<CanvasNode>) {
  const element = data.element as PodGroupData;
  return (
    <div className="pod-group" data-testid={data.testId}>
      <div className="pod-group-title">
        {element.nodeName ? `Pods on ${element.nodeName}` : 'Pending (not scheduled)'} · {element.podCount}
      </div>
    </div>
  );
}

function PodNode({ data }: NodeProps<CanvasNode>) {
  const element = data.element as PodData;
  const colour = data.namespaceColour ?? undefined;
  return (
    <div className={`card card-pod${element.ready ? '' : ' not-ready'}`} data-testid={data.testId} style={{ borderLeftColor: colour }}>
      <Ports />
      <PolicyHandles />
      <div className="pod-row">
        <span className={`dot ${element.ready ? 'dot-ready' : 'dot-not-ready'}`} title={element.ready ? 'Ready' : 'Not ready'} />
        <span className="card-title pod-name" title={element.name}>
          {element.name}
        </span>
        <IsolationMark isolation={element.isolation} />
      </div>
      <div className="pod-row card-line">
        <span className="mono">{element.podIP ?? 'no IP'}</span>
        <span className="ns-label" style={{ color: colour }}>
          {element.namespace}
        </span>
        <span className="muted">{element.ready ? 'Ready' : element.phase === 'Running' ? 'NotReady' : element.phase}</span>
      </div>
    </div>
  );
}

/** Many pods as one card: "frontend · 700 pods · 698 ready", stacked so it reads as more than one. */
function PodAggregateNode({ data }: NodeProps<CanvasNode>) {
  const element = data.element as PodAggregateData;
  const colour = data.namespaceColour ?? undefined;
  const allReady = element.readyCount === element.podCount;
  const plural = (n: number) => `${n} pod${n === 1 ? '' : 's'}`;
  return (
    <div className={`card card-pod card-pods${allReady ? '' : ' not-ready'}`} data-testid={data.testId} style={{ borderLeftColor: colour }}>
      <Ports />
      <PolicyHandles />
      <div className="pod-row">
        <span className={`dot ${allReady ? 'dot-ready' : 'dot-not-ready'}`} title={allReady ? 'All ready' : 'Some not ready'} />
        <span className="card-title pod-name" title={`${element.label} (${element.ownerKind ?? 'grouped'}): ${plural(element.podCount)}, ${element.readyCount} ready`}>
          {element.label} · {plural(element.podCount)}
        </span>
        <IsolationMark isolation={element.isolation} of={{ ingress: element.isolatedPods.ingress, egress: element.isolatedPods.egress, total: element.podCount }} />
      </div>
      <div className="pod-row card-line">
        <span>{element.readyCount} ready</span>
        {element.ownerKind && <span className="muted">{element.ownerKind}</span>}
        <span className="ns-label" style={{ color: colour }}>
          {element.namespace}
        </span>
      </div>
    </div>
  );
}

export const nodeTypes = {
  client: ClientNode,
  loadBalancer: LoadBalancerNode,
  node: ClusterNodeNode,
  service: ServiceNode,
  podGroup: PodGroupNode,
  pod: PodNode,
  podAggregate: PodAggregateNode,
};

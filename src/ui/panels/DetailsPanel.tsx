import { PodDnsDetails } from '../dns/PodDnsDetails';
import { useTopology } from '../canvas/useTopology';
import { useSelection, useSimulation } from '../state/context';
import { describeElement, describePods } from './details';

export function DetailsPanel() {
  const selected = useSelection((s) => s.selected);
  const select = useSelection((s) => s.select);
  const cluster = useSimulation((s) => s.simulation?.cluster ?? null);
  const topology = useTopology();
  const group = selected?.startsWith('pods-') ? topology?.elements.find((e) => e.id === selected)?.data : undefined;
  const details = !selected || !cluster ? null : group?.kind === 'podAggregate' ? describePods(cluster, group) : describeElement(cluster, selected);
  if (!details) {
    return (
      <div className="details muted" data-testid="details-empty">
        Click a load balancer, node, Service or pod on the canvas to see its addresses, ports and endpoints here.
      </div>
    );
  }
  return (
    <aside className="details" data-testid="details-panel" aria-label="Details">
      <header>
        <div>
          <div className="card-kind">{details.kind}</div>
          <h2>{details.title}</h2>
        </div>
        <button type="button" className="close" aria-label="Close details" onClick={() => select(null)}>
          ×
        </button>
      </header>
      {details.sections.map((section) => (
        <section key={section.heading}>
          <h3>{section.heading}</h3>
          {section.rows.length === 0 ? (
            <div className="muted">none</div>
          ) : (
            <dl>
              {section.rows.map(([label, value], index) => (
                <div key={`${label}-${index}`} className="row">
                  <dt>{label}</dt>
                  <dd className="mono">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ))}
      {selected?.startsWith('pod-') && <PodDnsDetails pod={selected.slice(4)} />}
    </aside>
  );
}

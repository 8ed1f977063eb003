import { useCatalogue } from '../catalogue';
import { useSelection, useSimulation } from '../state/context';

export function DiagnosticsList() {
  const diagnostics = useSimulation((s) => s.simulation?.diagnostics ?? null);
  const revealRange = useSelection((s) => s.revealRange);
  const catalogue = useCatalogue() ?? {};
  if (!diagnostics) return <div className="diagnostics muted">Simulating…</div>;
  return (
    <div className="diagnostics" data-testid="diagnostics">
      <div className="diagnostics-title">
        Problems <span className="count">{diagnostics.length}</span>
      </div>
      {diagnostics.length === 0 ? (
        <div className="muted diagnostics-empty">No problems found.</div>
      ) : (
        <ul>
          {diagnostics.map((d, index) => (
            <li key={`${d.code}-${d.line}-${d.column}-${index}`} className="diagnostic-item">
              <button
                type="button"
                className={`diagnostic severity-${d.severity}`}
                data-testid={`diagnostic-${d.code}`}
                onClick={() => revealRange({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn })}
              >
                {/* A word, not an emoji or a colour alone: it reads the same on every machine and to everyone. */}
                <span className={`diagnostic-severity severity-badge-${d.severity}`}>{d.severity}</span>
                <span className="diagnostic-message">{d.message}</span>
                <span className="diagnostic-meta" title={catalogue[d.code]?.title}>
                  {d.code} · line {d.line}
                </span>
              </button>
              {catalogue[d.code] && (
                <a className="diagnostic-docs" href={catalogue[d.code]!.docs} target="_blank" rel="noreferrer" title={catalogue[d.code]!.title}>
                  docs
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

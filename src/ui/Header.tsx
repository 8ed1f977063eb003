import { useState } from 'react';
import { useDocument, usePlayground, useSimulation } from './state/context';
import { SCENARIOS, loadScenarioText } from './scenarios';
import { CopyLinkButton, LinkNotice } from './ShareLink';
import { ClusterSettings } from './settings/ClusterSettings';

function EngineStatus() {
  const status = useSimulation((s) => s.status);
  const message = useSimulation((s) => s.message);
  const host = useSimulation((s) => s.host);
  const hasParseErrors = useSimulation((s) => s.simulation?.hasParseErrors ?? false);
  if (message) {
    return (
      <span className="status status-error" role="status" data-testid="engine-status">
        {message}
      </span>
    );
  }
  const text = status === 'computing' ? 'Simulating…' : hasParseErrors ? 'Some YAML could not be read' : 'Up to date';
  return (
    <span className={`status ${hasParseErrors ? 'status-warning' : ''}`} role="status" data-testid="engine-status" title={host ? `engine: ${host}` : undefined}>
      {text}
    </span>
  );
}

export function Header() {
  const { document } = usePlayground();
  const scenarioId = useDocument((s) => s.scenarioId);
  const edited = useDocument((s) => s.edited);
  const [loadError, setLoadError] = useState<string | null>(null);

  async function load(id: string) {
    const entry = SCENARIOS.find((s) => s.id === id);
    if (!entry) return;
    if (document.getState().edited && !window.confirm(`Replace your edited manifests with "${entry.title}"?`)) return;
    try {
      setLoadError(null);
      document.getState().loadScenario(entry.id, await loadScenarioText(entry));
    } catch (error) {
      setLoadError(`Could not load "${entry.title}": ${(error as Error).message}`);
    }
  }

  return (
    <header className="app-header">
      <h1>
        kube-netsim <span className="tagline">Kubernetes networking playground</span>
      </h1>
      <label className="scenario-picker">
        Scenario
        <select data-testid="scenario-picker" value={scenarioId ?? ''} onChange={(e) => void load(e.target.value)}>
          {scenarioId === null && <option value="">(your own)</option>}
          {SCENARIOS.map((s) => (
            <option key={s.id} value={s.id} title={s.summary}>
              {s.title}
            </option>
          ))}
        </select>
        {edited && <span className="muted edited">edited</span>}
      </label>
      <ClusterSettings />
      <CopyLinkButton />
      <LinkNotice />
      {loadError && (
        <span className="status status-error" role="alert">
          {loadError}
        </span>
      )}
      <EngineStatus />
    </header>
  );
}

import { useEffect, useState } from 'react';
import { useDocument, usePlayground, useSimulation } from './state/context';

export interface ScenarioEntry {
  id: string;
  title: string;
  file: string;
  summary: string;
}

const scenarioUrl = (file: string) => `${import.meta.env.BASE_URL}scenarios/${file}`;

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
  const [scenarios, setScenarios] = useState<ScenarioEntry[]>([]);

  useEffect(() => {
    let cancelled = false;
    fetch(scenarioUrl('index.json'))
      .then((response) => (response.ok ? (response.json() as Promise<ScenarioEntry[]>) : []))
      .then((list) => !cancelled && setScenarios(list))
      .catch(() => !cancelled && setScenarios([]));
    return () => {
      cancelled = true;
    };
  }, []);

  async function load(id: string) {
    const entry = scenarios.find((s) => s.id === id);
    if (!entry) return;
    if (document.getState().edited && !window.confirm(`Replace your edited manifests with "${entry.title}"?`)) return;
    const response = await fetch(scenarioUrl(entry.file));
    if (!response.ok) return;
    document.getState().loadScenario(entry.id, await response.text());
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
          {scenarios.map((s) => (
            <option key={s.id} value={s.id} title={s.summary}>
              {s.title}
            </option>
          ))}
        </select>
        {edited && <span className="muted edited">edited</span>}
      </label>
      <EngineStatus />
    </header>
  );
}

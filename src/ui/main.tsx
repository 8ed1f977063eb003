import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import threeTier from '../scenarios/three-tier.yaml?raw';
import { Playground } from './App';
import { PlaygroundProvider } from './state/context';
import { browserLocation } from './state/share';
import './styles.css';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** `?engineTimeoutMs=` shortens the engine's time limit (used by the e2e test of a stuck engine). */
function engineTimeoutFromUrl(): number | undefined {
  const value = Number(new URLSearchParams(window.location.search).get('engineTimeoutMs'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundProvider options={{ instanceId: 'main', defaultText: threeTier, defaultScenarioId: 'three-tier', storage: browserStorage(), engineTimeoutMs: engineTimeoutFromUrl(), location: browserLocation() }}>
      <Playground />
    </PlaygroundProvider>
  </StrictMode>,
);

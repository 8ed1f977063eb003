import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import threeTier from '../../public/scenarios/three-tier.yaml?raw';
import { Playground } from './App';
import { PlaygroundProvider } from './state/context';
import './styles.css';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundProvider options={{ instanceId: 'main', defaultText: threeTier, defaultScenarioId: 'three-tier', storage: browserStorage() }}>
      <Playground />
    </PlaygroundProvider>
  </StrictMode>,
);

import { useEffect } from 'react';
import { Canvas } from './canvas/Canvas';
import { DiagnosticsList } from './editor/DiagnosticsList';
import { EditorPane } from './editor/EditorPane';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { DetailsPanel } from './panels/DetailsPanel';
import { usePlayground, useSimulation } from './state/context';
import { setTestHook } from './testHook';
import { createEngineClient } from '../worker/client';
import { FILE_NAME } from './state/stores';

/** Test hook entries that need the stores (setup and parity checks in e2e). */
function useTestHook() {
  const stores = usePlayground();
  useEffect(
    () =>
      setTestHook({
        setText: (text) => stores.document.getState().setText(text),
        getText: () => stores.document.getState().text,
        getSimulation: () => stores.simulation.getState().simulation,
        engineHost: () => stores.simulation.getState().host,
        compute: async (text) => {
          const client = createEngineClient();
          try {
            const result = await client.simulate([{ name: FILE_NAME, text }]);
            return { host: client.host, result };
          } finally {
            client.dispose();
          }
        },
      }),
    [stores],
  );
}

/** The canvas alone follows each result: a new one gives a failed canvas another try. */
function CanvasArea() {
  const simulation = useSimulation((s) => s.simulation);
  return (
    <div className="canvas-area">
      <ErrorBoundary resetKey={simulation}>
        <Canvas />
      </ErrorBoundary>
    </div>
  );
}

export function Playground() {
  useTestHook();
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <section className="workspace-left">
          <EditorPane />
          <DiagnosticsList />
        </section>
        <section className="workspace-right">
          <CanvasArea />
          <DetailsPanel />
        </section>
      </main>
    </div>
  );
}

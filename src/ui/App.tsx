import { useEffect } from 'react';
import { DiagnosticsList } from './editor/DiagnosticsList';
import { EditorPane } from './editor/EditorPane';
import { Header } from './Header';
import { usePlayground } from './state/context';
import { Workspace } from './Workspace';
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
        <Workspace />
      </main>
    </div>
  );
}

// The right-hand side: request bar, the main view (topology canvas or policy matrix), and the
// panels below it (details, trace, DNS). Which view and panel are open lives in the view store.
import type { ReactNode } from 'react';
import { Canvas } from './canvas/Canvas';
import { ErrorBoundary } from './ErrorBoundary';
import { DetailsPanel } from './panels/DetailsPanel';
import { RequestBar } from './trace/RequestBar';
import { TracePanel } from './trace/TracePanel';
import { DnsPanel } from './dns/DnsPanel';
import { MatrixView } from './policy/MatrixView';
import { usePlayground, useSimulation, useView } from './state/context';
import type { WorkspacePanel, WorkspaceView } from './state/stores';

const VIEWS: Array<{ id: WorkspaceView; label: string }> = [
  { id: 'topology', label: 'Topology' },
  { id: 'matrix', label: 'Policy matrix' },
];

const PANELS: Array<{ id: WorkspacePanel; label: string }> = [
  { id: 'details', label: 'Details' },
  { id: 'trace', label: 'Trace' },
  { id: 'dns', label: 'DNS' },
];

function Tabs<T extends string>(props: { label: string; tabs: Array<{ id: T; label: string }>; current: T; onSelect(id: T): void; testid: string }) {
  return (
    <div className="tabs" role="tablist" aria-label={props.label} data-testid={props.testid}>
      {props.tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={props.current === t.id}
          className={props.current === t.id ? 'tab tab-active' : 'tab'}
          data-testid={`${props.testid}-${t.id}`}
          onClick={() => props.onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** The main view alone follows each result: a new one gives a failed view another try. */
function MainView() {
  const simulation = useSimulation((s) => s.simulation);
  const view = useView((s) => s.view);
  let content: ReactNode;
  if (view === 'matrix') content = <MatrixView />;
  else content = <Canvas />;
  return (
    <div className="canvas-area" role="tabpanel">
      <ErrorBoundary resetKey={simulation}>{content}</ErrorBoundary>
    </div>
  );
}

function SidePanel() {
  const panel = useView((s) => s.panel);
  if (panel === 'trace') return <TracePanel />;
  if (panel === 'dns') return <DnsPanel />;
  return <DetailsPanel />;
}

export function Workspace() {
  const { view: viewStore } = usePlayground();
  const view = useView((s) => s.view);
  const panel = useView((s) => s.panel);
  return (
    <section className="workspace-right">
      <RequestBar />
      <div className="workspace-body">
        <div className="main-column">
          <Tabs label="View" tabs={VIEWS} current={view} onSelect={(id) => viewStore.getState().setView(id)} testid="view-tab" />
          <MainView />
        </div>
        <aside className="side-dock" aria-label="Panels">
          <Tabs label="Panel" tabs={PANELS} current={panel} onSelect={(id) => viewStore.getState().setPanel(id)} testid="panel-tab" />
          <div className="side-panel" role="tabpanel">
            <SidePanel />
          </div>
        </aside>
      </div>
    </section>
  );
}

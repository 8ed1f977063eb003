import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../ErrorBoundary';
import { useDocument } from '../state/context';

const MonacoEditor = lazy(() => import('./MonacoEditor'));

/** Until Monaco arrives, the text is already there and editable in a plain textarea. */
function PlainEditor() {
  const text = useDocument((s) => s.text);
  const setText = useDocument((s) => s.setText);
  return (
    <textarea
      className="plain-editor nokey"
      data-testid="plain-editor"
      aria-label="Kubernetes manifests"
      spellCheck={false}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}

export function EditorPane() {
  return (
    <div className="editor-pane">
      {/* If Monaco cannot load (offline, blocked chunk), the plain editor simply stays. */}
      <ErrorBoundary resetKey={null} fallback={() => <PlainEditor />}>
        <Suspense fallback={<PlainEditor />}>
          <MonacoEditor />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

// The Monaco editor, loaded lazily. The document store stays the source of truth: the editor
// writes through `setText` and follows the store when something else (a seed, a test) writes.
import './monacoEnvironment';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import { defineEditorTheme } from './theme';
import 'monaco-editor/esm/vs/editor/edcore.main';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import { configureMonacoYaml } from 'monaco-yaml';
import { useEffect, useRef } from 'react';
import { topologyFor } from '../canvas/useTopology';
import { usePlayground } from '../state/context';
import { FILE_NAME, type PlaybackState } from '../state/stores';
import { setTestHook } from '../testHook';
import { loadCatalogue, type Catalogue } from '../catalogue';
import { MARKER_OWNER, toMarkers } from './markers';
import { watchPolicyHighlights } from '../policy/store';
import { KUBERNETES_OBJECT_SCHEMA } from './schema';

let yamlConfigured = false;
function configureYaml(): void {
  if (yamlConfigured) return;
  yamlConfigured = true;
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    schemas: [{ uri: 'https://kube-netsim.local/kubernetes-object.json', fileMatch: ['*'], schema: KUBERNETES_OBJECT_SCHEMA }],
  });
}

let modelCount = 0;

export default function MonacoEditor() {
  const stores = usePlayground();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    configureYaml();
    const { document, simulation, selection, settings, playback } = stores;
    const uri = monaco.Uri.parse(`file:///${stores.instanceId}/${++modelCount}/${FILE_NAME}`);
    const model = monaco.editor.createModel(document.getState().text, 'yaml', uri);
    const editor = monaco.editor.create(container.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      renderWhitespace: 'none',
      fixedOverflowWidgets: true,
      ariaLabel: 'Kubernetes manifests',
      theme: defineEditorTheme(),
    });

    let applyingStore = false;
    const onEdit = model.onDidChangeContent(() => {
      if (!applyingStore) document.getState().setText(model.getValue());
    });
    const offDocument = document.subscribe((state) => {
      if (state.text === model.getValue()) return;
      applyingStore = true;
      // pushEditOperations keeps undo working across a seed load.
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: state.text }], () => null);
      applyingStore = false;
    });

    // The selected element's YAML is highlighted and scrolled into view.
    const decorations = editor.createDecorationsCollection();
    const showSelection = (reveal: boolean) => {
      const result = simulation.getState().simulation;
      const id = selection.getState().selected;
      const element = result && id ? topologyFor(result, settings.getState().showBuiltin).elements.find((e) => e.id === id) : null;
      const source = element?.source;
      if (!source || source.file !== FILE_NAME) {
        decorations.clear();
        return;
      }
      const range = new monaco.Range(source.line, 1, source.endLine, 1);
      decorations.set([{ range, options: { isWholeLine: true, className: 'yaml-selected', linesDecorationsClassName: 'yaml-selected-gutter' } }]);
      if (reveal) editor.revealLinesInCenterIfOutsideViewport(source.line, source.endLine);
    };
    let catalogue: Catalogue = {};
    let disposed = false;
    const showMarkers = () => {
      const result = simulation.getState().simulation;
      const markers = result ? toMarkers(result.diagnostics, FILE_NAME, catalogue) : [];
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        markers.map(({ docs, code, ...marker }) => ({ ...marker, code: docs ? { value: code, target: monaco.Uri.parse(docs) } : code })),
      );
    };
    showMarkers();
    void loadCatalogue().then((loaded) => {
      catalogue = loaded;
      if (!disposed) showMarkers();
    });
    const offSimulation = simulation.subscribe((state, previous) => {
      if (state.simulation === previous.simulation) return;
      showMarkers();
      // Ranges move with every edit: redraw the selection from the new result, without scrolling.
      showSelection(false);
    });

    const offSelection = selection.subscribe((state, previous) => {
      if (state.selected !== previous.selected) showSelection(true);
      if (state.reveal && state.reveal !== previous.reveal) {
        const { line, column, endLine, endColumn } = state.reveal;
        editor.setSelection(new monaco.Range(line, column, endLine, endColumn));
        editor.revealLineInCenter(line);
        editor.focus();
      }
    });

    // A trace's lines to change (where its packet is dropped) are lit too, in their own colour.
    const traceDecorations = editor.createDecorationsCollection();
    const showTrace = (path: PlaybackState['path']) => {
      const lines = path?.highlights ?? [];
      traceDecorations.set(
        lines.map((r) => ({ range: new monaco.Range(r.line, 1, r.endLine, 1), options: { isWholeLine: true, className: 'yaml-trace', linesDecorationsClassName: 'yaml-trace-gutter' } })),
      );
      if (lines.length > 0) editor.revealLinesInCenterIfOutsideViewport(lines[0].line, lines[0].endLine);
    };
    showTrace(playback.getState().path);
    const offPlayback = playback.subscribe((state, previous) => {
      if (state.path !== previous.path) showTrace(state.path);
    });

    // The lines a policy verdict rests on (the matrix's explanation) are lit in their own colour.
    const policyDecorations = editor.createDecorationsCollection();
    const offPolicy = watchPolicyHighlights(stores, (lines) => {
      policyDecorations.set(
        lines.map((r) => ({ range: new monaco.Range(r.line, 1, r.endLine, 1), options: { isWholeLine: true, className: 'yaml-policy', linesDecorationsClassName: 'yaml-policy-gutter' } })),
      );
      if (lines.length > 0) editor.revealLinesInCenterIfOutsideViewport(lines[0].line, lines[lines.length - 1].endLine);
    });

    // The cursor's object lights up on the canvas.
    const onCursor = editor.onDidChangeCursorPosition((event) => selection.getState().setCursorLine(event.position.lineNumber));

    const removeHook = setTestHook({
      getMarkers: () =>
        monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
          owner: m.owner,
          severity: m.severity,
          message: m.message,
          code: typeof m.code === 'string' ? m.code : (m.code?.value ?? null),
          startLineNumber: m.startLineNumber,
          startColumn: m.startColumn,
          endLineNumber: m.endLineNumber,
          endColumn: m.endColumn,
        })),
      getHighlightedLines: () =>
        decorations.getRanges().map((r) => ({ startLineNumber: r.startLineNumber, endLineNumber: r.endLineNumber })),
      getPolicyHighlightedLines: () =>
        policyDecorations.getRanges().map((r) => ({ startLineNumber: r.startLineNumber, endLineNumber: r.endLineNumber })),
      getTraceHighlightedLines: () =>
        traceDecorations.getRanges().map((r) => ({ startLineNumber: r.startLineNumber, endLineNumber: r.endLineNumber })),
      setCursor: (line: number, column = 1) => {
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
      editorReady: true,
    });

    return () => {
      disposed = true;
      removeHook();
      onEdit.dispose();
      onCursor.dispose();
      offDocument();
      offSimulation();
      offSelection();
      offPlayback();
      offPolicy();
      editor.dispose();
      model.dispose();
    };
  }, [stores]);

  return <div ref={container} className="monaco-host nokey" data-testid="monaco-editor" />;
}

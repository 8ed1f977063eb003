// Where and why the packet stopped, and what to change; the lines to change are lit in the editor.
import { usePlayback, usePlayground } from '../state/context';

export function DropNotice() {
  const { selection } = usePlayground();
  const path = usePlayback((s) => s.path);
  const drop = path?.drop;
  if (!path || !drop) return null;
  const hop = path.hops[drop.hop];
  const first = path.highlights[0];
  return (
    <div className="drop-notice" role="alert" data-testid="trace-drop" data-reason={drop.reason}>
      <div className="drop-head">
        <span className="drop-icon" aria-hidden="true">
          ✕
        </span>
        <strong>Dropped</strong> at hop {drop.hop + 1}
        {hop ? ` (${hop.kind} ${hop.label})` : ''}
        <code className="drop-reason" data-testid="trace-drop-reason">
          {drop.reason}
        </code>
      </div>
      <p className="drop-message">{drop.message}</p>
      {drop.fix && (
        <p className="drop-fix" data-testid="trace-drop-fix">
          <strong>To fix:</strong> {drop.fix}
        </p>
      )}
      {first && (
        <button
          type="button"
          className="link-button"
          data-testid="trace-drop-show-yaml"
          onClick={() => selection.getState().revealLines(first)}
        >
          Show line{first.endLine > first.line ? 's' : ''} {first.line}
          {first.endLine > first.line ? `–${first.endLine}` : ''} in the editor
        </button>
      )}
    </div>
  );
}

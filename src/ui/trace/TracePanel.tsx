// The Trace tab: the request's hops (current one marked, click to seek), the playback controls,
// why it was dropped, where it went and could have gone, and after Send ×N the distribution.
import { useStore } from 'zustand';
import { usePlayback, usePlayground } from '../state/context';
import { DropNotice } from './DropNotice';
import { HopCaption } from './HopCaption';
import { HopList } from './HopList';
import { Candidates, Destination, Distribution } from './Outcome';
import { PlaybackControls } from './PlaybackControls';
import { replay, traceStoreOf } from './traceStore';
import { useStepKeys } from './useStepKeys';

/** The hop the packet is at; alone in following the index, so a step re-renders only it and the list. */
function CurrentHop() {
  const path = usePlayback((s) => s.path);
  const index = usePlayback((s) => s.index);
  if (!path) return null;
  return <HopCaption hops={path.hops} index={index} dropped={path.drop?.hop === index} testid="trace-current" />;
}

export function TracePanel() {
  const stores = usePlayground();
  const trace = useStore(traceStoreOf(stores));
  const path = usePlayback((s) => s.path);
  const onKeyDown = useStepKeys();
  return (
    <div className="trace-panel" data-testid="trace-panel" onKeyDown={onKeyDown}>
      <h2 className="trace-title">
        {trace.sent ? `${trace.sent.from} → ${trace.sent.to}` : 'Follow a packet'}
        {trace.status === 'asking' && <span className="muted"> · asking the engine…</span>}
      </h2>
      {!trace.sent && <p className="muted">Pick where a request comes from and where it goes in the bar above, then press Send: the packet is followed hop by hop here and on the canvas.</p>}
      {trace.targetGone && (
        <p className="notice notice-warning" role="status" data-testid="trace-target-gone">
          ⚠ {trace.targetGone}
        </p>
      )}
      {trace.problem && (
        <p className="notice notice-error" role="alert" data-testid="trace-problem">
          ✕ {trace.problem}
        </p>
      )}
      {path && trace.answer && path.id !== trace.pathId && (
        <p className="muted" data-testid="trace-elsewhere">
          The canvas is showing another animation ({path.title}).{' '}
          <button type="button" className="link-button" data-testid="trace-replay" onClick={() => replay(stores)}>
            Show this request's hops again
          </button>
        </p>
      )}
      {path && trace.answer && path.id === trace.pathId && (
        <>
          <PlaybackControls />
          <CurrentHop />
          <DropNotice />
          <Destination answer={trace.answer} />
          {trace.many && <Distribution many={trace.many} />}
          <Candidates answer={trace.answer} />
          <section className="trace-section">
            <h3>Hops</h3>
            <HopList />
          </section>
        </>
      )}
    </div>
  );
}

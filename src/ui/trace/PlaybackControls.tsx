// Play, pause, step and speed for the loaded path. Plain buttons: Tab reaches them, Enter and Space press them.
import { usePlayback, usePlayground } from '../state/context';
import { lastHop } from './playbackDriver';

const SPEEDS = [0.5, 1, 1.5, 2, 4];

export function PlaybackControls() {
  const { playback } = usePlayground();
  const path = usePlayback((s) => s.path);
  const index = usePlayback((s) => s.index);
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  if (!path) return null;
  const last = lastHop({ path });
  const state = () => playback.getState();
  return (
    <div className="playback-controls" role="group" aria-label="Playback">
      <button type="button" className="button" data-testid="trace-step-back" onClick={() => state().step(-1)} disabled={index === 0}>
        <span aria-hidden="true">◀</span> Back
      </button>
      {playing ? (
        <button type="button" className="button" data-testid="trace-pause" onClick={() => state().pause()}>
          <span aria-hidden="true">❚❚</span> Pause
        </button>
      ) : (
        <button type="button" className="button" data-testid="trace-play" onClick={() => state().play()}>
          <span aria-hidden="true">▶</span> {index >= last ? 'Replay' : 'Play'}
        </button>
      )}
      <button type="button" className="button" data-testid="trace-step-forward" onClick={() => state().step(1)} disabled={index >= last}>
        Next <span aria-hidden="true">▶</span>
      </button>
      <label className="speed">
        Speed
        <select data-testid="trace-speed" value={speed} onChange={(e) => state().setSpeed(Number(e.target.value))}>
          {[...new Set([...SPEEDS, speed])].sort((a, b) => a - b).map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="muted" data-testid="trace-position" aria-live="polite">
        hop {index + 1}/{path.hops.length}
      </span>
    </div>
  );
}

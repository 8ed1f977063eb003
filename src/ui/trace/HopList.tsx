// Every hop as a row: kind, name, note, source → destination. The current one is marked; a click seeks.
import { usePlayback, usePlayground } from '../state/context';
import { PacketAddresses } from './HopCaption';

export function HopList() {
  const { playback } = usePlayground();
  const path = usePlayback((s) => s.path);
  const index = usePlayback((s) => s.index);
  if (!path) return null;
  return (
    <ol className="hop-list" data-testid="trace-hops" aria-label="Hops">
      {path.hops.map((hop, i) => {
        const current = i === index;
        const dropped = path.drop?.hop === i;
        return (
          <li key={i}>
            <button
              type="button"
              className={`hop-row${current ? ' hop-row-current' : ''}${dropped ? ' hop-row-dropped' : ''}`}
              data-testid={`trace-hop-${i}`}
              aria-current={current ? 'step' : undefined}
              onClick={() => playback.getState().seek(i)}
            >
              <span className="hop-index">{current ? '▶' : i + 1}</span>
              <span className="hop-body">
                <span className="hop-row-head">
                  <span className="hop-kind">{hop.kind}</span> <span className="hop-label">{hop.label}</span>
                  {dropped && <span className="badge badge-danger">✕ dropped</span>}
                </span>
                <span className="hop-note">{hop.caption}</span>
                <PacketAddresses previous={path.hops[i - 1]} hop={hop} testid={`trace-hop-${i}-packet`} />
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

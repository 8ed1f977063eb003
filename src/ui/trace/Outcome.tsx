// What the request came to: the pod it reached, the source address the pod saw, the pods it
// could have reached, and after Send ×N where the requests went.
import type { SendManyAnswer, TraceAnswer } from '../../engine';

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

function Bar({ share, expected }: { share: number; expected?: number }) {
  return (
    <span className="bar" aria-hidden="true">
      <span className="bar-fill" style={{ width: percent(share) }} />
      {expected !== undefined && <span className="bar-expected" style={{ left: percent(expected) }} title={`expected ${percent(expected)}`} />}
    </span>
  );
}

export function Destination({ answer }: { answer: TraceAnswer }) {
  return (
    <dl className="trace-facts">
      <dt>Result</dt>
      <dd data-testid="trace-result">
        {answer.delivered ? '✓ delivered' : '✕ not delivered'}
        {answer.status !== null ? ` · HTTP ${answer.status}` : ''}
        {answer.location ? ` · Location ${answer.location}` : ''}
      </dd>
      {answer.destination && (
        <>
          <dt>Destination</dt>
          <dd data-testid="trace-destination">
            {answer.destination.pod} <span className="mono">{answer.destination.ip}:{answer.destination.port}</span>
          </dd>
        </>
      )}
      {answer.sourceIpAtPod && (
        <>
          <dt>The pod sees the request from</dt>
          <dd className="mono" data-testid="trace-source-ip">
            {answer.sourceIpAtPod}
          </dd>
        </>
      )}
    </dl>
  );
}

export function Candidates({ answer }: { answer: TraceAnswer }) {
  if (answer.candidates.length === 0) return null;
  return (
    <section className="trace-section" data-testid="trace-candidates">
      <h3>Could have gone to</h3>
      <ul className="bars">
        {answer.candidates.map((c) => (
          <li key={c.pod} className={c.pod === answer.destination?.pod ? 'bar-row bar-row-chosen' : 'bar-row'}>
            <span className="bar-label">
              {c.pod}
              {c.pod === answer.destination?.pod ? ' (this one)' : ''}
            </span>
            <Bar share={c.probability} />
            <span className="bar-figure">{percent(c.probability)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Distribution({ many }: { many: SendManyAnswer }) {
  return (
    <section className="trace-section" data-testid="trace-distribution">
      <h3>
        {many.count} requests: {many.delivered} delivered
      </h3>
      <ul className="bars">
        {many.perPod.map((p) => (
          <li key={p.pod} className="bar-row" data-testid={`distribution-${p.pod}`} data-count={p.count}>
            <span className="bar-label">{p.pod}</span>
            <Bar share={many.count ? p.count / many.count : 0} expected={p.probability} />
            <span className="bar-figure">
              {p.count} · {percent(many.count ? p.count / many.count : 0)}
              <span className="muted"> (expected {percent(p.probability)})</span>
            </span>
          </li>
        ))}
      </ul>
      {many.drops.length > 0 && (
        <ul className="drop-counts" data-testid="trace-drop-counts">
          {many.drops.map((d) => (
            <li key={d.reason}>
              ✕ <code>{d.reason}</code>: {d.count} dropped
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// One lookup's answer: the pod's resolv.conf, each query the resolver sent, the final records.
import { Fragment } from 'react';
import type { DnsAnswer, Rcode, ResolvConf } from '../../engine';
import { resolvConfLines, whyManyQueries } from './lookup';
import type { DnsResult } from './state';

/** A DNS name that wraps after its dots rather than inside a label. */
function DnsName({ name }: { name: string }) {
  const labels = name.split('.');
  return (
    <>
      {labels.map((label, i) => (
        <Fragment key={i}>
          {label}
          {i < labels.length - 1 && <>.<wbr /></>}
        </Fragment>
      ))}
    </>
  );
}

/** A word always; the mark and colour only repeat it. */
export function RcodeBadge({ rcode, empty }: { rcode: Rcode; empty?: boolean }) {
  const ok = rcode === 'NOERROR' && !empty;
  return (
    <span className={`rcode ${ok ? 'rcode-ok' : 'rcode-fail'}`}>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      {rcode}
      {rcode === 'NOERROR' && empty ? ' (no records)' : ''}
    </span>
  );
}

/** The file, then the engine's notes on why it looks that way (hostNetwork fallback, limits cut). */
export function ResolvConfBlock({ conf, testid }: { conf: ResolvConf; testid: string }) {
  return (
    <>
      <pre className="mono resolv-conf" data-testid={testid}>
        {resolvConfLines(conf).join('\n')}
      </pre>
      {conf.notes?.map((note) => (
        <p key={note} className="muted dns-conf-note">{note}</p>
      ))}
    </>
  );
}

/** The query whose reply carried the records (the engine says; otherwise the walk's last one). */
function answeredIndex(answer: DnsAnswer): number | null {
  if (answer.answeredQuery !== undefined) return answer.answeredQuery;
  return answer.answers.length > 0 ? answer.queries.length - 1 : null;
}

function QueriesTable({ answer }: { answer: DnsAnswer }) {
  const answered = answeredIndex(answer);
  return (
    <table className="dns-table" data-testid="dns-queries">
      <caption>Queries sent, in order</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Query</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {answer.queries.map((q, i) => (
          <tr key={`${q.name}-${q.type}-${i}`} data-testid="dns-query">
            <td>{i + 1}</td>
            <td className="mono dns-name-cell">
              <DnsName name={q.name} /> <span className="muted">{q.type}</span>
            </td>
            <td>
              {/* Only one query carries the answer; another NOERROR was empty (NODATA) and the walk went on. */}
              <RcodeBadge rcode={q.rcode} empty={i !== answered} />
              {q.answeredBy && <div className="muted dns-by">{q.answeredBy}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AnswersTable({ answer }: { answer: DnsAnswer }) {
  if (answer.answers.length === 0) {
    return (
      <p className="dns-none" data-testid="dns-no-records">
        No records: <RcodeBadge rcode={answer.rcode} empty />
      </p>
    );
  }
  return (
    <table className="dns-table" data-testid="dns-answers">
      <caption>Records</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Data</th>
          <th scope="col">TTL</th>
        </tr>
      </thead>
      <tbody>
        {answer.answers.map((r, i) => (
          <tr key={`${r.type}-${r.data}-${i}`} data-testid="dns-record">
            <td className="mono dns-name-cell"><DnsName name={r.name} /></td>
            <td>{r.type}</td>
            <td className="mono dns-name-cell" data-testid="dns-record-data">{r.data.endsWith('.') ? <DnsName name={r.data} /> : r.data}</td>
            <td>{r.ttl}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DnsResultView({ result }: { result: DnsResult }) {
  const { lookup } = result;
  if (result.kind === 'error') {
    return (
      <p className="dns-error" role="alert" data-testid="dns-error">
        {lookup.name} from {lookup.from}: {result.message}
      </p>
    );
  }
  const { answer } = result;
  const why = whyManyQueries(lookup.name, answer);
  return (
    <div className="dns-result" data-testid="dns-result">
      <h3>
        {lookup.name} <span className="muted">{lookup.type}</span> from <span className="mono">{lookup.from}</span>: <RcodeBadge rcode={answer.rcode} empty={answer.answers.length === 0} />
      </h3>
      <h4>resolv.conf</h4>
      <ResolvConfBlock conf={answer.resolvConf} testid="dns-resolv-conf" />
      <QueriesTable answer={answer} />
      {why && <p className="dns-why" data-testid="dns-why">{why}</p>}
      <AnswersTable answer={answer} />
    </div>
  );
}

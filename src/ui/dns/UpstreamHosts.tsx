// The simulated upstream resolver's names (what CoreDNS forwards outside the cluster domain).
// Names the user adds are cluster settings, so they travel with the document and its share link.
import ipaddr from 'ipaddr.js';
import { useId, useState, type FormEvent } from 'react';
import { useDocument, useSimulation } from '../state/context';
import { upstreamNameProblem } from './lookup';

export function UpstreamHosts() {
  const ids = useId();
  const known = useSimulation((s) => s.simulation?.cluster.settings.upstreamHosts ?? null);
  const clusterDomain = useSimulation((s) => s.simulation?.cluster.settings.clusterDomain ?? 'cluster.local');
  const added = useDocument((s) => s.settings.upstreamHosts);
  const setSettings = useDocument((s) => s.setSettings);
  const [name, setName] = useState('');
  const [ip, setIp] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const host = name.trim().toLowerCase().replace(/\.$/, '');
    const wrong = upstreamNameProblem(host, clusterDomain) ?? (ipaddr.IPv4.isValidFourPartDecimal(ip.trim()) ? null : `"${ip.trim()}" is not an IPv4 address.`);
    setProblem(wrong);
    if (wrong) return;
    setSettings({ upstreamHosts: { ...added, [host]: ip.trim() } });
    setName('');
    setIp('');
  }

  function remove(host: string) {
    const rest = { ...added };
    delete rest[host];
    setSettings({ upstreamHosts: rest });
  }

  const rows = Object.entries(known ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="dns-upstream" aria-labelledby={`${ids}-title`} data-testid="dns-upstream">
      <h3 id={`${ids}-title`}>Names outside the cluster</h3>
      <p className="muted">CoreDNS forwards names outside {clusterDomain} to the upstream resolver, which knows these:</p>
      <table className="dns-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">IPv4</th>
            <th scope="col"><span className="dns-sr-only">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([host, address]) => (
            <tr key={host} data-testid="dns-upstream-host">
              <td className="mono dns-name-cell">{host}</td>
              <td className="mono">{address}</td>
              <td>
                {added?.[host] !== undefined && (
                  <button type="button" className="dns-link-button" aria-label={`Remove ${host}`} onClick={() => remove(host)}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="dns-upstream-form" onSubmit={add} aria-label="Add an upstream name">
        <div className="dns-field">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input id={`${ids}-name`} className="mono" value={name} placeholder="api.example.org" spellCheck={false} autoComplete="off"
            data-testid="dns-upstream-name" onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="dns-field">
          <label htmlFor={`${ids}-ip`}>IPv4</label>
          <input id={`${ids}-ip`} className="mono" value={ip} placeholder="203.0.113.7" spellCheck={false} autoComplete="off"
            data-testid="dns-upstream-ip" onChange={(e) => setIp(e.target.value)} />
        </div>
        <button type="submit" data-testid="dns-upstream-add">Add</button>
      </form>
      {problem && <p className="dns-error" role="alert" data-testid="dns-upstream-problem">{problem}</p>}
    </section>
  );
}

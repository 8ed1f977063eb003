// The pod inspector's DNS part: the pod's resolv.conf and the Service environment variables the
// kubelet gives its containers. Both come from the engine, through the worker.
import { useEffect, useState } from 'react';
import type { PodNetworkAnswer, ServiceEnvVar } from '../../engine';
import { usePlayground, useSimulation } from '../state/context';
import { ResolvConfBlock } from './DnsResultView';
import './dns.css';

type Shown = { kind: 'answer'; pod: string; answer: PodNetworkAnswer } | { kind: 'error'; pod: string; message: string };

function usePodNetwork(pod: string): Shown | null {
  const playground = usePlayground();
  const simulation = useSimulation((s) => s.simulation);
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    let live = true;
    void playground.ask({ kind: 'podNetwork', pod }, 'podNetwork').then((result) => {
      if (!live || result.kind === 'stale') return;
      if (result.kind === 'ok' && 'resolvConf' in result.answer && 'environment' in result.answer) {
        setShown({ kind: 'answer', pod, answer: result.answer });
      } else {
        const message = result.kind === 'ok' ? ('error' in result.answer ? result.answer.error.message : 'no answer') : result.kind === 'error' ? result.error : 'the engine took too long';
        setShown({ kind: 'error', pod, message });
      }
    });
    return () => {
      live = false;
    };
  }, [playground, pod, simulation]);
  // An answer about the pod selected before stays off screen.
  return shown?.pod === pod ? shown : null;
}

/** Variables in the engine's order, under the Service each comes from (as `env` would list them). */
function groupByService(environment: ServiceEnvVar[]): Array<[string, ServiceEnvVar[]]> {
  const groups = new Map<string, ServiceEnvVar[]>();
  for (const v of environment) groups.set(v.service, [...(groups.get(v.service) ?? []), v]);
  return [...groups];
}

export function PodDnsDetails({ pod }: { pod: string }) {
  const shown = usePodNetwork(pod);
  if (!shown) return <p className="muted">Reading the pod’s DNS settings…</p>;
  if (shown.kind === 'error') return <p className="dns-error">DNS settings: {shown.message}</p>;
  const { resolvConf, environment } = shown.answer;
  return (
    <div className="dns-inspector">
      <section>
        <h3>resolv.conf</h3>
        <ResolvConfBlock conf={resolvConf} testid="pod-resolv-conf" />
      </section>
      <section>
        <h3>Service environment variables</h3>
        <p className="muted" data-testid="pod-service-env-note">
          Injected at pod creation, only for Services of its own namespace (and default/kubernetes) that existed before it — here, written above it in the document; prefer DNS names, which follow every change.
        </p>
        {environment.length === 0 ? (
          <p className="muted" data-testid="pod-service-env">none</p>
        ) : (
          <div data-testid="pod-service-env">
            {groupByService(environment).map(([service, vars]) => (
              <div key={service}>
                <h4>from Service {service}</h4>
                <ul className="mono dns-env" aria-label={`Variables from ${service}`}>
                  {vars.map((v) => (
                    <li key={v.name}>{v.name}={v.value}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

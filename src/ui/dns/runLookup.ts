// Asks the engine (through the worker) what a pod's resolver does with a name, keeps the answer
// in the panel's store, and on a fresh lookup loads the pod → kube-dns → CoreDNS path for playback.
import type { Answer, DnsAnswer } from '../../engine';
import type { PlaygroundStores } from '../state/stores';
import { dnsPlayback, findPodByRef } from './lookup';
import { dnsStoreFor, type DnsLookup } from './state';

const isAnswer = (answer: Answer): answer is DnsAnswer => 'queries' in answer && 'resolvConf' in answer;

export async function runLookup(playground: PlaygroundStores, lookup: DnsLookup, animate: boolean): Promise<void> {
  const store = dnsStoreFor(playground);
  const basis = playground.simulation.getState().simulation;
  store.getState().set({ pending: true });
  const result = await playground.ask({ kind: 'dns', from: lookup.from, name: lookup.name, type: lookup.type }, 'dns');
  if (result.kind === 'stale') return;
  if (result.kind !== 'ok') {
    const message = result.kind === 'timeout' ? `The lookup took longer than ${result.limitMs / 1000} s and was stopped.` : result.error;
    store.getState().set({ pending: false, result: { kind: 'error', lookup, message, basis } });
    return;
  }
  const { answer } = result;
  if (!isAnswer(answer)) {
    const message = 'error' in answer ? answer.error.message : 'The engine gave no DNS answer.';
    store.getState().set({ pending: false, result: { kind: 'error', lookup, message, basis } });
    return;
  }
  store.getState().set({ pending: false, result: { kind: 'answer', lookup, answer, basis } });
  if (animate) animateLookup(playground, lookup, answer);
}

function animateLookup(playground: PlaygroundStores, lookup: DnsLookup, answer: DnsAnswer): void {
  const cluster = playground.simulation.getState().simulation?.cluster;
  const pod = cluster && findPodByRef(cluster, answer.from ?? lookup.from);
  const path = cluster && pod ? dnsPlayback(cluster, pod, lookup.name.trim(), answer) : null;
  if (!path) return;
  // CoreDNS and kube-dns live in kube-system, hidden on the canvas by default: show them.
  const settings = playground.settings.getState();
  if (!settings.showBuiltin) {
    settings.setShowBuiltin(true);
    dnsStoreFor(playground).getState().set({ builtinShown: true });
  }
  playground.playback.getState().load(path);
}

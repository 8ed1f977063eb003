// trace: one request followed hop by hop; sendMany: N of them from the same client, in order.
import type { Pod, Simulation } from '../types';
import type { QuestionError } from '../questions';
import { findPod, isQuestionError, questionError } from '../model/refs';
import { isProtocol } from '../model/pods';
import { isIPv4 } from '../model/ip';
import { clusterIndex } from '../services/lookup';
import { newProxyState, type ProxyState } from '../services/balance';
import { requestSeed, seededRandom } from '../services/prng';
import { resolveLeg, type Resolved } from './dnsLeg';
import { toAddress } from './route';
import { parseTarget, type Target } from './target';
import { addr, drop, hop, podRef, setCandidates, type Source, type Walk } from './walk';
import type { DnsAnswer } from '../dns/types';
import type { DropReason, SendManyAnswer, SendManyQuestion, TraceAnswer, TraceQuestion } from './types';

export const DEFAULT_CLIENT_IP = '203.0.113.10';
const MAX_SEND = 1000;

interface Prepared {
  sim: Simulation;
  q: TraceQuestion;
  target: Target;
  pod: Pod | null;
}

function prepare(sim: Simulation, q: TraceQuestion): Prepared | QuestionError {
  if (!q || typeof q !== 'object') return questionError('BAD_ARGUMENT', 'a trace needs from and to.');
  if (q.protocol !== undefined && !isProtocol(q.protocol)) return questionError('BAD_ARGUMENT', `--protocol must be TCP, UDP or SCTP, not "${String(q.protocol)}".`);
  if (q.srcIp !== undefined && !isIPv4(q.srcIp)) return questionError('BAD_ARGUMENT', `--src-ip "${String(q.srcIp)}" is not an IPv4 address.`);
  if (q.seed !== undefined && !(Number.isInteger(q.seed) && q.seed >= 0)) return questionError('BAD_ARGUMENT', `--seed must be a whole number >= 0, not "${String(q.seed)}".`);
  if (q.viaNode !== undefined && !sim.cluster.nodes.some((n) => n.name === q.viaNode)) {
    return questionError('BAD_ARGUMENT', `--via-node: there is no node "${String(q.viaNode)}" (nodes: ${sim.cluster.nodes.map((n) => n.name).join(', ')}).`);
  }
  if (q.gateway !== undefined) return questionError('BAD_ARGUMENT', '--gateway needs Gateway API routing, which this version does not simulate yet.');
  const target = parseTarget(q.to);
  if (typeof target === 'string') return questionError('BAD_ARGUMENT', target);
  let pod: Pod | null = null;
  if (q.from !== 'external') {
    const found = findPod(sim.cluster, q.from);
    if (isQuestionError(found)) return found;
    pod = found;
  }
  return { sim, q, target, pod };
}

function emptyAnswer(): TraceAnswer {
  return { delivered: false, status: null, hops: [], destination: null, candidates: [], sourceIpAtPod: null, drop: null };
}

function run(p: Prepared, seed: number, state: ProxyState, dnsAnswers = new Map<string, DnsAnswer>()): TraceAnswer {
  const { sim, q, target, pod } = p;
  const cluster = sim.cluster;
  const index = clusterIndex(cluster);
  const random = seededRandom(seed);
  // An ephemeral source port, as Linux picks one (ip_local_port_range 32768-60999).
  const srcPort = 32768 + Math.floor(random() * 28232);
  const node = pod?.nodeName ? (index.nodesByName.get(pod.nodeName) ?? null) : null;
  const source: Source = pod ? { pod, ip: pod.podIP ?? '', port: srcPort, node } : { pod: null, ip: q.srcIp ?? DEFAULT_CLIENT_IP, port: srcPort, node: null };
  const answer = emptyAnswer();
  const w: Walk = {
    cluster, index, random, state, protocol: q.protocol ?? 'TCP', source,
    viaNode: q.viaNode ? (index.nodesByName.get(q.viaNode) ?? null) : null, hops: answer.hops, answer, dnsAnswers,
  };
  const shown = target.isIP ? addr(target.host, target.port) : `${target.host}:${target.port}`;
  const what = target.scheme ? `${(q.method ?? 'GET').toUpperCase()} ${target.scheme}://${target.host}${target.defaultPort ? '' : `:${target.port}`}${target.path}` : `a ${w.protocol} connection to ${shown}`;
  const packet = { src: addr(source.ip, srcPort), dst: shown };
  if (pod) {
    hop(w, 'Pod', pod.key, pod.podIP, null, `${pod.key}${node ? ` on ${node.name}` : ''} sends ${what} from ${addr(source.ip, srcPort)}.`, { ref: podRef(pod), packet });
    if (!pod.podIP || !node) {
      drop(w, 'NO_ROUTE', `${pod.key} is not running on a node (it has no pod IP), so it sends nothing.`, 'Make the pod schedulable (its nodeSelector or nodeName must name a node).');
      return answer;
    }
  } else {
    hop(w, 'Client', 'external client', source.ip, null, `A client outside the cluster (${source.ip}) sends ${what}.`, { ref: 'Client', packet });
  }
  if (target.isIP) {
    toAddress(w, target.host, target.port);
  } else if (!pod) {
    const upstream = cluster.settings.upstreamHosts[target.host.replace(/\.$/, '')];
    if (upstream) drop(w, 'NO_ROUTE', `${target.host} is ${upstream}, outside the cluster: the request goes there and the simulation follows it no further.`, 'Nothing to fix if that is where it should go.');
    else drop(w, 'NO_SUCH_HOST', `"${target.host}" does not resolve from outside: external DNS only knows load balancer addresses, not cluster names (Services resolve only inside the cluster).`,
      'From outside, send to a LoadBalancer IP or a node IP with a nodePort (kubectl get svc shows them).');
  } else {
    const resolved = resolveLeg(w, pod, target.host);
    if (resolved) toResolved(w, target, resolved);
  }
  if (!answer.delivered && !answer.drop) drop(w, 'NO_ROUTE', 'The request went nowhere the simulator can follow.', 'Check the target address.');
  return answer;
}

/** After DNS: an ExternalName leaves the cluster; several pod addresses (headless) are the candidates. */
function toResolved(w: Walk, target: Target, resolved: Resolved): void {
  const { index } = w;
  const owned = index.podsByIP.has(resolved.chosen) || index.byClusterIP.has(resolved.chosen) || index.byLoadBalancerIP.has(resolved.chosen) || index.nodesByIP.has(resolved.chosen);
  if (resolved.cname && !owned) {
    drop(w, 'NO_ROUTE', `${target.host} is an ExternalName: DNS answers with a CNAME to ${resolved.cname} (${resolved.chosen}), so the request leaves the cluster with no kube-proxy in the way, and the simulation follows it no further.`,
      'Nothing to fix if that outside host is where it should go.');
    return;
  }
  if (resolved.ips.every((ip) => index.podsByIP.has(ip))) {
    setCandidates(w, resolved.ips.map((ip) => ({ pod: index.podsByIP.get(ip)!.key, probability: 1 / resolved.ips.length })));
  }
  toAddress(w, resolved.chosen, target.port);
}

export function trace(sim: Simulation, q: TraceQuestion): TraceAnswer | QuestionError {
  const p = prepare(sim, q);
  if (isQuestionError(p)) return p;
  return run(p, q.seed ?? 0, newProxyState());
}

export function sendMany(sim: Simulation, q: SendManyQuestion): SendManyAnswer | QuestionError {
  const p = prepare(sim, q);
  if (isQuestionError(p)) return p;
  if (!Number.isInteger(q.count) || q.count < 1) return questionError('BAD_ARGUMENT', `count must be a whole number >= 1, not "${String(q.count)}".`);
  const count = Math.min(q.count, MAX_SEND);
  const state = newProxyState();
  const dnsAnswers = new Map<string, DnsAnswer>();
  const perPod = new Map<string, number>();
  const drops = new Map<DropReason, number>();
  let first: TraceAnswer | null = null;
  let delivered = 0;
  for (let i = 0; i < count; i++) {
    const answer = run(p, requestSeed(q.seed ?? 0, i), state, dnsAnswers);
    first ??= answer;
    if (answer.delivered && answer.destination) {
      delivered++;
      perPod.set(answer.destination.pod, (perPod.get(answer.destination.pod) ?? 0) + 1);
    } else if (answer.drop) {
      drops.set(answer.drop.reason, (drops.get(answer.drop.reason) ?? 0) + 1);
    }
  }
  const firstAnswer = first as TraceAnswer;
  const probability = new Map(firstAnswer.candidates.map((c) => [c.pod, c.probability]));
  const pods = [...new Set([...probability.keys(), ...perPod.keys()])].sort();
  return {
    count,
    delivered,
    perPod: pods.map((pod) => ({ pod, count: perPod.get(pod) ?? 0, probability: probability.get(pod) ?? 0 })),
    drops: [...drops].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
    first: firstAnswer,
  };
}

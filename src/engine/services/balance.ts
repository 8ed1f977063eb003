// Which backend kube-proxy picks for a new connection, and with what probability, per proxy mode.
// iptables: a chain of `statistic --mode random` rules, rule i of n matching with 1/(n-i): 1/n each.
// nftables: `numgen random mod n`: 1/n each. IPVS: the scheduler (kube-proxy gives every real
// server weight 1). A "fresh" request meets an idle IPVS table; in a run of requests each finished
// connection lingers as an inactive one, which lc/wlc count and sed/nq do not.
import type { IpvsScheduler, ProxyMode, Service } from '../types';
import { parseIPv4 } from '../model/ip';
import type { Backend } from './endpoints';

/** What one run of requests remembers between them (sendMany): affinity, rr position, lingering connections. */
export interface ProxyState {
  affinity: Record<string, string>;
  roundRobin: Record<string, number>;
  inactive: Record<string, Record<string, number>>;
  locality: Record<string, string>;
}

export function newProxyState(): ProxyState {
  return { affinity: {}, roundRobin: {}, inactive: {}, locality: {} };
}

export interface Choice {
  backend: Backend;
  /** Every backend in kube-proxy's rules for this request, with its probability (0 included). */
  candidates: Array<{ backend: Backend; probability: number }>;
  /** How the choice was made, for the hop note. */
  how: string;
}

export interface BalanceInput {
  mode: ProxyMode;
  scheduler: IpvsScheduler;
  service: Service;
  /** Rules are per Service port and per traffic scope (Cluster or one node's Local set). */
  ruleKey: string;
  backends: Backend[];
  clientIP: string;
  destinationIP: string;
  random: () => number;
  state: ProxyState;
}

const fraction = (n: number) => (n === 1 ? '1' : `1/${n}`);

/** IPVS sh/dh: a 256-bucket table filled round-robin over the real servers, indexed by hash_32(addr, 8). */
function ipvsHash(ip: string, n: number): number {
  const addr = parseIPv4(ip) ?? 0;
  const bucket = Math.imul(addr, 0x61c88647) >>> 24;
  return bucket % n;
}

function uniform(input: BalanceInput, index: number, how: string): Choice {
  const p = 1 / input.backends.length;
  return { backend: input.backends[index], candidates: input.backends.map((backend) => ({ backend, probability: p })), how };
}

function certain(input: BalanceInput, index: number, how: string): Choice {
  return { backend: input.backends[index], candidates: input.backends.map((backend, i) => ({ backend, probability: i === index ? 1 : 0 })), how };
}

function iptables(input: BalanceInput): Choice {
  const n = input.backends.length;
  for (let i = 0; i < n - 1; i++) {
    if (input.random() < 1 / (n - i)) return uniform(input, i, `p = ${fraction(n)} (iptables tries rule ${i + 1} of ${n} with probability ${fraction(n - i)}, which evens out to ${fraction(n)} each)`);
  }
  return uniform(input, n - 1, n === 1 ? 'the only endpoint, p = 1' : `p = ${fraction(n)} (iptables: the last of ${n} rules takes what the others left, which evens out to ${fraction(n)} each)`);
}

function nftables(input: BalanceInput): Choice {
  const n = input.backends.length;
  const i = Math.min(n - 1, Math.floor(input.random() * n));
  return uniform(input, i, `numgen random mod ${n} gave ${i}, p = ${fraction(n)}`);
}

/** Least overhead, first real server on a tie (the kernel scans the list in order). */
function leastOverhead(input: BalanceInput, overhead: (b: Backend) => number): number {
  let best = 0;
  for (let i = 1; i < input.backends.length; i++) if (overhead(input.backends[i]) < overhead(input.backends[best])) best = i;
  return best;
}

function ipvs(input: BalanceInput): Choice {
  const { backends, state, ruleKey } = input;
  const n = backends.length;
  const inactive = (state.inactive[ruleKey] ??= {});
  const lingering = (b: Backend) => inactive[`${b.ip}:${b.port}`] ?? 0;
  switch (input.scheduler) {
    case 'rr':
    case 'wrr': {
      const fresh = state.roundRobin[ruleKey] === undefined;
      const i = fresh ? Math.min(n - 1, Math.floor(input.random() * n)) : state.roundRobin[ruleKey] % n;
      state.roundRobin[ruleKey] = i + 1;
      const weights = input.scheduler === 'wrr' ? ' (kube-proxy gives every real server weight 1, so wrr is plain rr)' : '';
      return uniform(input, i, fresh
        ? `IPVS ${input.scheduler} takes the next real server in turn${weights}; where the turn stands is unknown, so p = ${fraction(n)} each`
        : `IPVS ${input.scheduler} takes the next real server in turn${weights}`);
    }
    case 'lc':
    case 'wlc': {
      // overhead = active << 8 + inactive; requests run one after another, so nothing is active.
      const i = leastOverhead(input, lingering);
      return certain(input, i, `IPVS ${input.scheduler} takes the real server with the fewest connections (${lingering(backends[i])} lingering here; the first on a tie)`);
    }
    case 'sed':
    case 'nq': {
      // Both look only at active connections: with one request at a time every server ties, the first wins.
      const what = input.scheduler === 'sed' ? 'the shortest expected delay ((active + 1) / weight)' : 'a server with no active connection';
      return certain(input, 0, `IPVS ${input.scheduler} takes ${what}; with no connection active every server ties and the first real server wins`);
    }
    case 'lblc':
    case 'lblcr': {
      const key = `${ruleKey}@${input.destinationIP}`;
      const known = backends.findIndex((b) => `${b.ip}:${b.port}` === state.locality[key]);
      const i = known >= 0 ? known : leastOverhead(input, lingering);
      state.locality[key] = `${backends[i].ip}:${backends[i].port}`;
      return certain(input, i, `IPVS ${input.scheduler} keeps every connection for ${input.destinationIP} on one real server while it is not overloaded`);
    }
    case 'sh': {
      const i = ipvsHash(input.clientIP, n);
      return certain(input, i, `IPVS sh hashes the source address ${input.clientIP}: this client always lands on the same real server`);
    }
    case 'dh': {
      const i = ipvsHash(input.destinationIP, n);
      return certain(input, i, `IPVS dh hashes the destination address ${input.destinationIP}: every client lands on the same real server`);
    }
  }
}

/** The backend for one new connection. Call with at least one backend. */
export function chooseBackend(input: BalanceInput): Choice {
  const affinityKey = `${input.ruleKey}@${input.clientIP}`;
  const sticky = input.service.sessionAffinity === 'ClientIP';
  // Affinity is checked before balancing (iptables `recent`, IPVS persistence): a remembered client skips the scheduler.
  const remembered = sticky ? input.backends.findIndex((b) => `${b.ip}:${b.port}` === input.state.affinity[affinityKey]) : -1;
  const timeout = input.service.sessionAffinityTimeoutSeconds ?? 10800;
  const result = remembered >= 0
    ? certain(input, remembered, `sessionAffinity ClientIP: ${input.clientIP} reached this endpoint before and sticks to it (timeout ${timeout} s)`)
    : input.mode === 'ipvs' ? ipvs(input) : input.mode === 'nftables' ? nftables(input) : iptables(input);
  if (sticky) input.state.affinity[affinityKey] = `${result.backend.ip}:${result.backend.port}`;
  const inactive = (input.state.inactive[input.ruleKey] ??= {});
  const id = `${result.backend.ip}:${result.backend.port}`;
  inactive[id] = (inactive[id] ?? 0) + 1;
  return result;
}

// The NetworkPolicy corpus (../shared/corpus/netpol, peer analysers' expected outputs) turned into
// reach and matrix checks exactly as its README says. Skipped when the corpus is not beside the checkout.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matrix, reach, simulate, isQuestionError } from '../src/engine/index';
import type { Pod, Protocol, Simulation } from '../src/engine/index';

const corpus = fileURLToPath(new URL('../../shared/corpus/netpol', import.meta.url));

/** Cases left out, with the reason. Every other case in cases.json runs. */
const LEFT_OUT: Record<string, string> = {};

interface Case { id: string; manifests: string[]; expected: string[]; format: string }

type Conns = 'all' | Map<Protocol, Array<[number, number]>>;

/** `All Connections` or `SCTP 9003,TCP 8080,81-90,UDP 5353`: a protocol token opens a group. */
function parseConns(text: string): Conns {
  if (text.trim() === 'All Connections') return 'all';
  const out = new Map<Protocol, Array<[number, number]>>();
  let current: Protocol | null = null;
  for (const raw of text.split(',')) {
    let token = raw.trim();
    const m = /^(TCP|UDP|SCTP)\s+(.*)$/.exec(token);
    if (m) {
      current = m[1] as Protocol;
      token = m[2];
    }
    const [a, b] = token.split('-').map(Number);
    out.set(current!, [...(out.get(current!) ?? []), [a, b ?? a]]);
  }
  return out;
}

function allows(conns: Conns | undefined, protocol: Protocol, port: number): boolean {
  if (!conns) return false;
  if (conns === 'all') return true;
  return (conns.get(protocol) ?? []).some(([a, b]) => port >= a && port <= b);
}

interface Line { src: string; dst: string; conns: Conns }

function parseConnlist(text: string): Line[] {
  const body = text.split('Exposure Analysis Result:')[0];
  return body.split('\n').filter((l) => l.includes(' => ') && !l.includes('{ingress-controller}')).map((l) => {
    const [pair, conns] = l.split(' : ');
    const [src, dst] = pair.split(' => ').map((s) => s.trim());
    return { src, dst, conns: parseConns(conns) };
  });
}

/** Sample ports: both ends of each listed range, one just outside, under every protocol; plus the README's defaults. */
function samplePorts(lines: Line[]): Array<[Protocol, number]> {
  const ports = new Set<number>([80, 53, 9999]);
  for (const l of lines) {
    if (l.conns === 'all') continue;
    for (const ranges of l.conns.values()) for (const [a, b] of ranges) for (const p of [a - 1, a, b, b + 1]) if (p >= 1 && p <= 65535) ports.add(p);
  }
  return (['TCP', 'UDP', 'SCTP'] as Protocol[]).flatMap((proto) => [...ports].sort((x, y) => x - y).map((p): [Protocol, number] => [proto, p]));
}

const EXTERNAL = /^(\d+\.\d+\.\d+\.\d+)-(\d+\.\d+\.\d+\.\d+)\[External\]$/;
const toNum = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** An address inside the range, clear of the pod and service CIDRs and the nodes (README "Peer names"). */
function addressIn(range: string, sim: Simulation): string {
  const [, a, b] = EXTERNAL.exec(range)!;
  const [lo, hi] = [toNum(a), toNum(b)];
  const busy = (n: number) => (n >= toNum('10.244.0.0') && n <= toNum('10.244.255.255')) || (n >= toNum('10.96.0.0') && n <= toNum('10.111.255.255')) ||
    sim.cluster.nodes.some((node) => node.internalIP === toIp(n));
  const preferred = toNum('203.0.113.10');
  for (const n of [preferred, lo + 1, hi - 1, lo, hi, toNum('10.200.0.1')]) if (n >= lo && n <= hi && !busy(n)) return toIp(n);
  throw new Error(`no usable address in ${range}`);
}

const ALIAS: Record<string, string> = { Deployment: 'deploy', StatefulSet: 'sts', DaemonSet: 'ds', ReplicaSet: 'rs', Job: 'job' };

/** Peer name (`ns/name[Kind]`) -> how to name it in a question, and its pods. */
function workloadPeers(sim: Simulation): Map<string, { ref: string; pods: Pod[] }> {
  const out = new Map<string, { ref: string; pods: Pod[] }>();
  for (const pod of sim.cluster.pods.filter((p) => !p.builtin)) {
    const name = pod.owner ? `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]` : `${pod.namespace}/${pod.name}[Pod]`;
    const entry = out.get(name);
    if (entry) {
      entry.pods.push(pod);
      continue;
    }
    const given = pod.owner && sim.cluster.workloads.some((w) => w.kind === pod.owner!.kind && w.namespace === pod.namespace && w.name === pod.owner!.name);
    out.set(name, { ref: given ? `${pod.namespace}/${ALIAS[pod.owner!.kind]}/${pod.owner!.name}` : pod.key, pods: [pod] });
  }
  return out;
}

function load(c: Case): Simulation {
  const dir = join(corpus, c.id);
  return simulate(c.manifests.map((m) => ({ name: m, text: readFileSync(join(dir, m), 'utf8') })));
}

function reachAllowed(sim: Simulation, from: string, to: string, port: number, protocol: Protocol) {
  const a = reach(sim, { from, to, port, protocol });
  if (isQuestionError(a)) throw new Error(`${from} -> ${to}: ${a.error.message}`);
  return a;
}

function checkConnlist(c: Case): void {
  const sim = load(c);
  const lines = parseConnlist(readFileSync(join(corpus, c.id, c.expected.find((e) => e.endsWith('.txt'))!), 'utf8'));
  const peers = workloadPeers(sim);
  const conns = new Map(lines.map((l) => [`${l.src} => ${l.dst}`, l.conns]));
  const samples = samplePorts(lines);
  const failures: string[] = [];
  const expectSame = (what: string, got: boolean, want: boolean) => {
    if (got !== want) failures.push(`${what}: engine ${got ? 'allows' : 'denies'}, peer ${want ? 'allows' : 'denies'}`);
  };
  const onlyDst = c.id === 'npa-semanticDiff-different-topologies-policy-a-with-ipblock' ? 'default/cog-agents-1[DaemonSet]' : null;

  // Pod to pod: every ordered pair of distinct workloads (absent = nothing allowed), by reach and by matrix.
  if (!onlyDst) {
    for (const [src, s] of peers) for (const [dst, d] of peers) {
      if (src === dst) continue;
      for (const [protocol, port] of samples) expectSame(`${src} => ${dst} ${protocol} ${port}`, reachAllowed(sim, s.ref, d.ref, port, protocol).allowed, allows(conns.get(`${src} => ${dst}`), protocol, port));
    }
    const namespaces = [...new Set([...peers.values()].flatMap((p) => p.pods.map((pod) => pod.namespace)))];
    const workloadOf = new Map([...peers].flatMap(([name, p]) => p.pods.map((pod) => [pod.key, name] as const)));
    for (const [protocol, port] of samples) {
      const m = matrix(sim, { port, protocol, namespaces });
      if (isQuestionError(m)) throw new Error(m.error.message);
      m.pods.forEach((src, i) => m.pods.forEach((dst, j) => {
        const [ws, wd] = [workloadOf.get(src), workloadOf.get(dst)];
        if (!ws || !wd || ws === wd) return;
        expectSame(`matrix ${src} => ${dst} ${protocol} ${port}`, m.allowed[i][j], allows(conns.get(`${ws} => ${wd}`), protocol, port));
      }));
    }
  }

  // External rows (ingress only) and columns (egress only): the line whose range holds the address decides.
  const ranges = (side: 'src' | 'dst') => [...new Set(['0.0.0.0-255.255.255.255[External]', ...lines.map((l) => l[side]).filter((n) => EXTERNAL.test(n))])];
  const lineFor = (side: 'src' | 'dst', workload: string, ip: string) => {
    const n = toNum(ip);
    const hit = lines.find((l) => {
      const ext = side === 'src' ? l.src : l.dst;
      const m = EXTERNAL.exec(ext);
      return m && (side === 'src' ? l.dst : l.src) === workload && n >= toNum(m[1]) && n <= toNum(m[2]);
    });
    return hit?.conns;
  };
  for (const [name, p] of peers) {
    if (onlyDst && name !== onlyDst) continue;
    for (const range of ranges('src')) {
      const ip = addressIn(range, sim);
      for (const [protocol, port] of samples) expectSame(`${ip} => ${name} ${protocol} ${port}`, reachAllowed(sim, `ip:${ip}`, p.ref, port, protocol).allowed, allows(lineFor('src', name, ip), protocol, port));
    }
    if (onlyDst) continue;
    for (const range of ranges('dst')) {
      const ip = addressIn(range, sim);
      for (const [protocol, port] of samples) expectSame(`${name} => ${ip} ${protocol} ${port}`, reachAllowed(sim, p.ref, `ip:${ip}`, port, protocol).allowed, allows(lineFor('dst', name, ip), protocol, port));
    }
  }
  expect(failures.slice(0, 20), `${failures.length} disagreements`).toEqual([]);
}

/** policy-assistant probe tables: blocks 1 and 2 (TCP 80, 81), Ingress / Egress / Combined, diagonal skipped. */
function checkProbe(c: Case): void {
  const sim = load(c);
  const text = readFileSync(join(corpus, c.id, c.expected[0]), 'utf8');
  const tables = [...text.matchAll(/(Ingress|Egress|Combined):\n((?:[+|].*\n)+)/g)].slice(0, 6).map((m) => ({
    kind: m[1],
    rows: m[2].split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|     |')).map((l) => l.split('|').slice(1, -1).map((cell) => cell.trim())),
    columns: m[2].split('\n').find((l) => l.startsWith('|     |'))!.split('|').slice(2, -1).map((cell) => cell.trim().toLowerCase()),
  }));
  const failures: string[] = [];
  [80, 81].forEach((port, block) => {
    const m = matrix(sim, { port, protocol: 'TCP', namespaces: ['x', 'y', 'z'] });
    if (isQuestionError(m)) throw new Error(m.error.message);
    for (const table of tables.slice(block * 3, block * 3 + 3)) {
      for (const [src, ...cells] of table.rows) {
        cells.forEach((cell, j) => {
          const dst = table.columns[j];
          if (src === dst) return;
          const a = reachAllowed(sim, src, dst, port, 'TCP');
          const got = table.kind === 'Ingress' ? a.ingress.allowed : table.kind === 'Egress' ? a.egress.allowed : a.allowed;
          if (got !== (cell === '.')) failures.push(`${table.kind} ${src} -> ${dst} TCP ${port}: expected ${cell}`);
          if (table.kind === 'Combined' && m.allowed[m.pods.indexOf(src)][m.pods.indexOf(dst)] !== (cell === '.')) failures.push(`matrix ${src} -> ${dst} TCP ${port}: expected ${cell}`);
        });
      }
    }
  });
  expect(tables.length).toBe(6);
  expect(failures).toEqual([]);
}

describe.skipIf(!existsSync(corpus))('NetworkPolicy corpus (peer analysers)', () => {
  const cases: Case[] = existsSync(corpus) ? JSON.parse(readFileSync(join(corpus, 'cases.json'), 'utf8')).cases : [];
  for (const c of cases) {
    it.skipIf(c.id in LEFT_OUT)(`${c.id} agrees with the peer`, () => {
      if (c.format === 'pa-probe-table') checkProbe(c);
      else checkConnlist(c);
    }, 120_000);
  }
});

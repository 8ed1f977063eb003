// Prints how long the engine takes to build generated clusters, and the heap it holds.
// Figures only: nothing here passes or fails (machines are noisy). `npm run bench`.
import { matrix, sendMany, simulate, trace } from '../src/engine/index';
import { generatedCluster } from '../src/engine/testing/generate';

const RUNS = 5;
const sizes = [
  { pods: 500, nodes: 5, deployments: 25 },
  { pods: 2000, nodes: 12, deployments: 50 },
  { pods: 5000, nodes: 30, deployments: 100 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log('engine: simulate() on generated clusters (median of 5 runs after a warm-up)');
console.log('pods    services  nodes  yaml KB  build ms  heap MB  peak RSS MB');
let previous: { pods: number; ms: number; heap: number } | null = null;
for (const size of sizes) {
  const text = generatedCluster({ nodes: size.nodes, deployments: size.deployments, replicas: size.pods / size.deployments });
  simulate([{ name: 'bench.yaml', text }]);
  const times: number[] = [];
  let pods = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const sim = simulate([{ name: 'bench.yaml', text }]);
    times.push(performance.now() - start);
    pods = sim.cluster.pods.filter((p) => !p.builtin).length;
  }
  const ms = median(times);
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  // Peak resident memory of the whole process so far (the largest size sets it).
  const peak = process.resourceUsage().maxRSS / 1024;
  const growth = previous
    ? `  (x${(ms / previous.ms).toFixed(1)} time, x${(heap / previous.heap).toFixed(1)} heap for x${(pods / previous.pods).toFixed(1)} pods)`
    : '';
  console.log(
    `${String(pods).padEnd(8)}${String(size.deployments).padEnd(10)}${String(size.nodes).padEnd(7)}` +
      `${(text.length / 1024).toFixed(0).padEnd(9)}${ms.toFixed(0).padEnd(10)}${heap.toFixed(0).padEnd(9)}${peak.toFixed(0).padEnd(12)}${growth}`,
  );
  previous = { pods, ms, heap };
}

// ---- trace: one request from a pod, by name through cluster DNS, to a ClusterIP Service ----
console.log('\ntrace: pod -> Service by name (DNS, kube-proxy, NetworkPolicy); first = cold (builds the address index), then 200 more');
console.log('pods    first ms  median ms  mean ms  sendMany(1000) ms');
for (const size of sizes) {
  const text = generatedCluster({ nodes: size.nodes, deployments: size.deployments, replicas: size.pods / size.deployments });
  const sim = simulate([{ name: 'bench.yaml', text }]);
  // app-0 and app-10 share namespace ns-0, so a short name resolves.
  const question = { from: 'ns-0/deploy/app-0', to: 'http://app-10/' };
  let start = performance.now();
  const first = trace(sim, { ...question, seed: 0 });
  const firstMs = performance.now() - start;
  if (!('delivered' in first) || !first.delivered) throw new Error('bench trace was not delivered');
  const times: number[] = [];
  for (let seed = 1; seed <= 200; seed++) {
    start = performance.now();
    trace(sim, { ...question, seed });
    times.push(performance.now() - start);
  }
  start = performance.now();
  sendMany(sim, { ...question, count: 1000 });
  const manyMs = performance.now() - start;
  const pods = sim.cluster.pods.filter((p) => !p.builtin).length;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`${String(pods).padEnd(8)}${firstMs.toFixed(1).padEnd(10)}${median(times).toFixed(2).padEnd(11)}${mean.toFixed(2).padEnd(9)}${manyMs.toFixed(0)}`);
}

// NetworkPolicy: matrix() over every pair of pods, with one policy per four pods (every policy form).
console.log('\nmatrix(): every pair of pods on 80/TCP, policies = pods / 4 (median of 5 runs after a warm-up)');
console.log('pods    policies  groups  simulate ms  matrix ms  cells allowed');
let previousMatrix: { pods: number; ms: number } | null = null;
for (const size of sizes) {
  const policies = size.pods / 4;
  const text = generatedCluster({ nodes: size.nodes, deployments: size.deployments, replicas: size.pods / size.deployments, policies });
  const simStart = performance.now();
  const sim = simulate([{ name: 'bench.yaml', text }]);
  const simMs = performance.now() - simStart;
  matrix(sim, {});
  const times: number[] = [];
  let answer = matrix(sim, {});
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    answer = matrix(sim, {});
    times.push(performance.now() - start);
  }
  if (!('allowed' in answer)) throw new Error(answer.error.message);
  const ms = median(times);
  const pods = answer.pods.length;
  const allowed = answer.allowed.reduce((n, row) => n + row.filter(Boolean).length, 0);
  const groups = new Set(sim.cluster.pods.filter((p) => !p.builtin).map((p) => `${p.namespace}/${JSON.stringify(p.labels)}`)).size;
  const growth = previousMatrix ? `  (x${(ms / previousMatrix.ms).toFixed(1)} time for x${(pods / previousMatrix.pods).toFixed(1)} pods, x${((pods / previousMatrix.pods) ** 2).toFixed(1)} cells)` : '';
  console.log(
    `${String(pods).padEnd(8)}${String(policies).padEnd(10)}${String(groups).padEnd(8)}${simMs.toFixed(0).padEnd(13)}${ms.toFixed(0).padEnd(11)}` +
      `${((100 * allowed) / pods ** 2).toFixed(0)}%${growth}`,
  );
  previousMatrix = { pods, ms };
}

console.log(`\nengine: peak resident memory of this whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// Prints how long the engine takes to build generated clusters, and the heap it holds.
// Figures only: nothing here passes or fails (machines are noisy). `npm run bench`.
import { simulate } from '../src/engine/index';
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
console.log('pods    services  nodes  yaml KB  build ms  heap MB');
let previous: { pods: number; ms: number } | null = null;
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
  const growth = previous ? `  (x${(ms / previous.ms).toFixed(1)} time for x${(pods / previous.pods).toFixed(1)} pods)` : '';
  console.log(
    `${String(pods).padEnd(8)}${String(size.deployments).padEnd(10)}${String(size.nodes).padEnd(7)}` +
      `${(text.length / 1024).toFixed(0).padEnd(9)}${ms.toFixed(0).padEnd(10)}${heap.toFixed(0)}${growth}`,
  );
  previous = { pods, ms };
}

// The seeded generator behind every backend choice: the same question and seed give the same pick.
import { fnv1a } from '../model/hash';

/** mulberry32: small, fast, good enough to stand in for the kernel's random number source. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of the i-th request of a "send ×N" run, derived from the question's seed. */
export function requestSeed(seed: number, index: number): number {
  return index === 0 ? seed >>> 0 : fnv1a(`${seed}#${index}`);
}

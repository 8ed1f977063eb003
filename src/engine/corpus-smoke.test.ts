// Runs the engine over every manifest in ../shared/corpus (kept beside the checkout by CI):
// it must not throw and must return plain data. Skipped when the folder is missing.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulate, endpoints, validate } from './index';

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

function manifests(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return manifests(p);
    return /\.(ya?ml|json)$/.test(f) ? [p] : [];
  });
}

describe.skipIf(!existsSync(corpus))('corpus smoke', () => {
  it('simulates every corpus manifest without throwing, returning plain data', () => {
    const files = manifests(corpus);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const sim = simulate([{ name: file, text: readFileSync(file, 'utf8') }]);
      expect(JSON.parse(JSON.stringify(sim)), file).toEqual(sim);
      expect(sim.diagnostics.some((d) => d.message.includes('internal error')), file).toBe(false);
      expect('services' in endpoints(sim)).toBe(true);
      expect(validate(sim).diagnostics.length).toBe(sim.diagnostics.length);
    }
    // A hundred-odd files: room for a loaded 2-core CI machine.
  }, 60_000);
});

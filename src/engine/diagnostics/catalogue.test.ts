import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CATALOGUE } from './catalogue';

const engineDir = fileURLToPath(new URL('..', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('diagnostic catalogue', () => {
  it('has a stable code, title and kubernetes.io link for every entry', () => {
    for (const [code, e] of Object.entries(DIAGNOSTIC_CATALOGUE)) {
      expect(e.code).toBe(code);
      expect(code).toMatch(/^KN\d{4}$/);
      expect(e.title.length).toBeGreaterThan(5);
      expect(e.docs).toMatch(/^https:\/\/kubernetes\.io\/docs\//);
      expect(['error', 'warning', 'info']).toContain(e.severity);
    }
  });

  it('covers every code the engine emits', () => {
    const used = new Set<string>();
    for (const f of sources(engineDir)) for (const m of readFileSync(f, 'utf8').matchAll(/'(KN\d{4})'/g)) used.add(m[1]);
    for (const code of used) expect(DIAGNOSTIC_CATALOGUE).toHaveProperty(code);
  });
});

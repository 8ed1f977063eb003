// The size budget on the initial JavaScript: what the browser must fetch before the page works
// (the entry and the chunks index.html preloads), gzipped. Monaco and the other lazy chunks are
// excluded. Sizes are deterministic, so CI checks it: `npm run size [-- <build folder>]` after a build.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET_KB = 250;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

function sizeOf(dir: string, file: string): ChunkSize {
  const data = readFileSync(join(dir, file));
  return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/** The scripts index.html loads up front: its module entry and the modulepreload links. */
export function initialScripts(dir: string): ChunkSize[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set(files)].map((f) => sizeOf(dir, f));
}

/** Monaco's chunk (the editor and its YAML support), loaded after the page is usable. */
export function monacoChunk(dir: string): ChunkSize | null {
  const file = readdirSync(join(dir, 'assets')).find((f) => /^MonacoEditor-.*\.js$/.test(f));
  return file ? sizeOf(dir, `assets/${file}`) : null;
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function main(): void {
  const dir = process.argv[2] ?? 'dist';
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`size budget: no build in ${dir}/ (run \`npm run build\`, or give the folder: npm run size -- <folder>)`);
    process.exit(1);
  }
  const initial = initialScripts(dir);
  const total = initial.reduce((n, c) => n + c.gzip, 0);
  for (const c of initial) console.log(`  ${c.file}  ${kb(c.bytes)} KB, ${kb(c.gzip)} KB gzipped`);
  const line = `initial JavaScript (Monaco and lazy chunks excluded): ${kb(total)} KB gzipped, budget ${BUDGET_KB} KB`;
  if (total > BUDGET_KB * 1024) {
    console.error(`size budget exceeded: ${line}. Move what the first view does not need behind a dynamic import().`);
    process.exit(1);
  }
  console.log(`size budget ok: ${line}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

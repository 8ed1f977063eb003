/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The production page's Content-Security-Policy: scripts only from the build itself, no eval, no
 * inline script. Workers (engine, Monaco, YAML) are files of the build. style-src allows inline
 * styles because Monaco writes its theme and per-decoration classes into <style> elements at run
 * time (React Flow's positions are style properties, which CSP does not restrict). Images and fonts
 * may be data: URIs, as Vite inlines small assets. Build only: the dev server injects inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'kube-netsim:csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  // Relative base: the static build works under any path (docs sites embed it).
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  optimizeDeps: {
    // Imported only from worker entries, so the dependency scan misses them and a cold
    // dev server would reload the page mid-test without this.
    include: ['yaml', 'comlink', 'monaco-yaml/yaml.worker.js', 'ipaddr.js'],
  },
  build: {
    chunkSizeWarningLimit: 5000,
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Corpus tests need ../shared beside the checkout; `npm run test:corpus` runs them.
    exclude: ['**/node_modules/**', '**/*.corpus.test.ts'],
    environment: 'node',
  },
});

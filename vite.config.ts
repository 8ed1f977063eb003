/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative base: the static build works under any path (docs sites embed it).
  base: './',
  plugins: [react()],
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

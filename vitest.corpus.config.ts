/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Tests over ../shared/corpus (data from peer projects that CI keeps beside the checkout).
export default defineConfig({
  test: {
    include: ['src/**/*.corpus.test.ts', 'test/**/*.corpus.test.ts'],
    environment: 'node',
  },
});

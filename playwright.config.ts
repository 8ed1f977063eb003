import { defineConfig } from '@playwright/test';

const dev = !!process.env.E2E_DEV;
const port = dev ? 5173 : 4173;

export default defineConfig({
  testDir: 'e2e',
  // 2 cores: parallel browsers bring no speed-up and double the memory.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: dev
      ? 'npx vite --host 127.0.0.1 --port 5173 --strictPort'
      : 'npx vite build && npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});

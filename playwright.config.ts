import { defineConfig } from '@playwright/test';

// Two servers: the production build (every test) and the dev server that `npm start` runs
// (the tests tagged @dev: a clean load, Monaco's workers, the engine worker).
// E2E_PORT moves both servers (and E2E_OUT_DIR the build) so several checkouts can test side by side.
const BUILD_PORT = Number(process.env.E2E_PORT ?? 4173);
const DEV_PORT = BUILD_PORT + 1000;
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const BUILD_URL = `http://127.0.0.1:${BUILD_PORT}/`;
const DEV_URL = `http://127.0.0.1:${DEV_PORT}/`;

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
  projects: [
    { name: 'build', use: { baseURL: BUILD_URL } },
    { name: 'dev', use: { baseURL: DEV_URL }, grep: /@dev/ },
  ],
  webServer: [
    {
      command: `npx vite build --outDir ${OUT_DIR} && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${BUILD_PORT} --strictPort`,
      url: BUILD_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${DEV_PORT} --strictPort`,
      url: DEV_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});

import { defineConfig } from '@playwright/test';

// `npm run test:electron` (scripts/test-electron.mjs): the built app in the real Electron, through
// Playwright's _electron. Only where the Electron binary exists; `npm test` never runs it.
export default defineConfig({
  testDir: './tests/electron',
  outputDir: './test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});

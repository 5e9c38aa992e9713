import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/support/chromium';
import { answerWav } from './tests/support/fixtures-paths';

// E2E tests drive the real renderer in Debian's Chromium against browser mode (no Electron binary here).
export default defineConfig({
  testDir: './tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: './test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 820 },
    // The fake microphone plays a spoken answer (tests/e2e/global-setup.ts); permission is auto-granted.
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs({ fakeAudioFile: answerWav }) },
    trace: 'retain-on-failure',
  },
});

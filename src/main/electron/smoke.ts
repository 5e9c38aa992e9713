/** `--smoke-test` under Electron: the service's check (services/smoke-test.ts), then exit with its result. */
import type { App } from 'electron';
import { runSmokeTest, type SmokeTestOptions } from '../services/smoke-test';

export function runSmokeTestAndExit(app: Pick<App, 'whenReady' | 'exit'>, options: () => SmokeTestOptions): void {
  app
    .whenReady()
    .then(() => runSmokeTest(options()))
    .then(
      (result) => {
        (result.ok ? console.log : console.error)(result.line);
        app.exit(result.ok ? 0 : 1);
      },
      (error: unknown) => {
        console.error(`Loop Coach smoke test failed: ${(error as Error).message}`);
        app.exit(1);
      },
    );
}

/** Electron entry: thin glue around the Node services (which are tested without Electron). */
import { app, type BrowserWindow, dialog } from 'electron';
import { createLoopCoach, type LoopCoach } from './services/app';
import { shippedPaths } from './services/app-root';
import { resolveDataDir } from './services/infra/paths';
import { launchAnalysisUtility } from './electron/analysis-process';
import { launchLiveUtility } from './electron/live-process';
import { serveIpc } from './electron/ipc';
import { registerAppScheme, serveAppProtocol } from './electron/protocol';
import { lockDownContents, lockDownSession } from './electron/security';
import { setupSingleInstance } from './electron/single-instance';
import { setupSpeechSynthesis } from './electron/speech';
import { createMainWindow } from './electron/window';
import { applyLaunchFlags } from './electron/launch-flags';
import { runSmokeTestAndExit } from './electron/smoke';

// Only `electron-vite dev` may point the window at a dev server; a packaged app ignores the variable.
if (app.isPackaged) delete process.env.ELECTRON_RENDERER_URL;
registerAppScheme();
lockDownContents();
setupSpeechSynthesis();
// --smoke-test, and the test-only --fake-microphone (its Chromium switches must be set before ready).
const launch = applyLaunchFlags(app, process.argv);

const appRoot = app.getAppPath();
const shipped = shippedPaths(appRoot);
let mainWindow: BrowserWindow | null = null;
let loopCoach: LoopCoach | null = null;

/** What the app opens, for a window or for --smoke-test alike. */
const appOptions = () => ({
  dataDir: resolveDataDir(process.argv, process.env, () => app.getPath('userData')),
  builtinContentDir: shipped.builtinContentDir,
  contentSnapshotFile: shipped.contentSnapshotFile,
  migrationsDir: shipped.migrationsDir,
  transport: 'electron' as const,
  version: app.getVersion(),
  launchAnalysis: launchAnalysisUtility,
  launchLive: launchLiveUtility,
  // Test-only, like --fake-microphone: a packaged build never replaces the live recognizer.
  liveRecognizer: app.isPackaged ? null : (process.env.LOOP_COACH_LIVE_RECOGNIZER ?? null),
});

async function start(): Promise<void> {
  lockDownSession(process.platform, launch.fakeMicrophone === null);
  loopCoach = await createLoopCoach(appOptions());
  serveAppProtocol(shipped.rendererDir, loopCoach.paths.dataDir);
  serveIpc(loopCoach, () => mainWindow);
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = null));
}

if (launch.smokeTest) {
  runSmokeTestAndExit(app, appOptions);
} else if (setupSingleInstance(() => mainWindow)) {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Loop Coach could not start', (error as Error).message);
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => loopCoach?.close());
}

/** Electron entry: thin glue around the Node services (which are tested without Electron). */
import { app, type BrowserWindow, dialog } from 'electron';
import { createLoopCoach, type LoopCoach } from './services/app';
import { electronSqliteBinding, shippedPaths } from './services/app-root';
import { resolveDataDir } from './services/paths';
import { launchAnalysisUtility } from './electron/analysis-process';
import { serveIpc } from './electron/ipc';
import { registerAppScheme, serveAppProtocol } from './electron/protocol';
import { lockDownContents, lockDownSession } from './electron/security';
import { setupSingleInstance } from './electron/single-instance';
import { setupSpeechSynthesis } from './electron/speech';
import { createMainWindow } from './electron/window';

// Only `electron-vite dev` may point the window at a dev server; a packaged app ignores the variable.
if (app.isPackaged) delete process.env.ELECTRON_RENDERER_URL;
registerAppScheme();
lockDownContents();
setupSpeechSynthesis();

const appRoot = app.getAppPath();
const shipped = shippedPaths(appRoot);
let mainWindow: BrowserWindow | null = null;
let loopCoach: LoopCoach | null = null;

/** better-sqlite3 built for Electron's ABI by `scripts/electron-native.mjs` (npm start runs it). */
function electronNativeBinding(): string | undefined {
  return electronSqliteBinding(appRoot, process.versions.electron) ?? undefined;
}

async function start(): Promise<void> {
  lockDownSession();
  const dataDir = resolveDataDir(process.argv, process.env, () => app.getPath('userData'));
  loopCoach = await createLoopCoach({
    dataDir,
    builtinContentDir: shipped.builtinContentDir,
    contentSnapshotFile: shipped.contentSnapshotFile,
    migrationsDir: shipped.migrationsDir,
    transport: 'electron',
    version: app.getVersion(),
    nativeBinding: electronNativeBinding(),
    launchAnalysis: launchAnalysisUtility,
  });
  serveAppProtocol(shipped.rendererDir, loopCoach.paths.dataDir);
  serveIpc(loopCoach, () => mainWindow);
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = null));
}

if (setupSingleInstance(() => mainWindow)) {
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

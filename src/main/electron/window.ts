/** The main window. Options are written inline so static scanners can read them. */
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { rendererEntryUrl } from './origin';

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Loop Coach',
    backgroundColor: '#111318',
    webPreferences: {
      // Reviewed: the preload exposes one named method per contract channel and nothing else.
      preload: path.join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A minimised or covered window keeps full-rate timers: the round's 50 ms tick and the
      // follow-ups' due times would otherwise drift to ~1 Hz while the user looks elsewhere.
      // (The page then stays 'visible' to the Page Visibility API; the review saves on pagehide too.)
      backgroundThrottling: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntryUrl());
  return window;
}

/**
 * One app at a time. A second launch brings the running window back instead: Electron's focus()
 * leaves a minimised window minimised (and a hidden one hidden), so restore and show it first.
 */
import { app, type BrowserWindow } from 'electron';

export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** False when another instance holds the lock: this one quits and that one comes to the front. */
export function setupSingleInstance(currentWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (window && !window.isDestroyed()) bringToFront(window);
  });
  return true;
}

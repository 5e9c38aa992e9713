/** The app's own origin under Electron: everything the window loads comes from app://loop-coach. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'loop-coach';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** In `electron-vite dev` the renderer comes from Vite's dev server instead. */
export function rendererOrigin(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return devUrl ? new URL(devUrl).origin : APP_ORIGIN;
}

export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === rendererOrigin();
  } catch {
    return false;
  }
}

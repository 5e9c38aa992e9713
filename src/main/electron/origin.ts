/**
 * The one rule for "is this our page", used by every decision the glue makes: the IPC sender
 * check, the permission handlers, navigation, and the app:// protocol's host.
 *
 * Everything the window loads comes from app://loop-coach. Node's URL (which Electron's main
 * process uses) gives any non-special scheme the origin "null", so the rule compares protocol and
 * host, never `URL.origin`, for app://. Only Chromium knows that `app` is a standard scheme.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'loop-coach';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * In `electron-vite dev` the renderer comes from Vite's dev server (ELECTRON_RENDERER_URL).
 * Only an http(s) address on this machine counts: anything else is ignored, not trusted.
 */
export function devServerUrl(env: NodeJS.ProcessEnv = process.env): URL | null {
  const value = env.ELECTRON_RENDERER_URL;
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return (url.protocol === 'http:' || url.protocol === 'https:') && loopback && !url.username && !url.password
    ? url
    : null;
}

/** True for a URL (or Chromium origin string) of the app's own page, in the main frame's terms. */
export function isAppUrl(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) {
    // `host` includes any port; a user or password part is never one of ours.
    return parsed.host === APP_HOST && !parsed.username && !parsed.password;
  }
  const dev = devServerUrl(env);
  return dev !== null && parsed.origin === dev.origin && !parsed.username && !parsed.password;
}

/** The address the window loads: the dev server when there is one, else the app's own page. */
export function rendererEntryUrl(env: NodeJS.ProcessEnv = process.env): string {
  return devServerUrl(env)?.href ?? `${APP_ORIGIN}/`;
}

/**
 * Deny-by-default permissions (the microphone only, only for the app's own page) and no navigation,
 * new windows or webviews anywhere. Every "is this our page" goes through isAppUrl.
 */
import { app, session, type WebContents } from 'electron';
import { microphoneConsent } from './microphone';
import { isAppUrl } from './origin';

/** The one permission the app needs: audio capture, asked by the app page's main frame. */
function microphoneOnly(permission: string, url: string, isMainFrame: boolean, mediaTypes: readonly string[]) {
  return (
    permission === 'media' &&
    isMainFrame &&
    mediaTypes.length > 0 &&
    mediaTypes.every((t) => t === 'audio') &&
    isAppUrl(url)
  );
}

/**
 * `askOsConsent` is false only under the test-only `--fake-microphone` (never in a packaged build):
 * Chromium's fake capture device opens no real microphone, and on a CI Mac the system prompt would
 * wait for a click that never comes.
 */
export function lockDownSession(platform: NodeJS.Platform = process.platform, askOsConsent = true): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    if (!microphoneOnly(permission, details.requestingUrl, details.isMainFrame, mediaTypes)) return callback(false);
    // Then the OS's own consent, which Electron does not ask for on macOS (microphone.ts).
    if (!askOsConsent) return callback(true);
    microphoneConsent(platform).then(callback, () => callback(false));
  });
  // Chromium asks this synchronously, once per media type: it must agree with the handler above.
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    microphoneOnly(permission, requestingOrigin, details.isMainFrame, details.mediaType ? [details.mediaType] : []),
  );
  ses.setDevicePermissionHandler(() => false);
  // The app:// handler sends the CSP on every response; the page also carries it in a meta tag.
}

export function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The app is one window and links nowhere outside itself: no new windows, even of its own page.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

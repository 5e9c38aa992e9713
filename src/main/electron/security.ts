/**
 * Deny-by-default permissions (the microphone only, only for the app's own page) and no navigation,
 * new windows or webviews anywhere.
 */
import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './origin';

export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const audioOnly = 'mediaTypes' in details && (details.mediaTypes ?? []).every((t) => t === 'audio');
    callback(permission === 'media' && audioOnly && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permission === 'media' && isAppUrl(requestingOrigin),
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
    // The app links nowhere outside itself: no new windows at all.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

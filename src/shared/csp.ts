/**
 * The one Content-Security-Policy for the renderer, sent by the Electron protocol handler and the
 * web server alike. Scripts only from the app itself; no eval, no remote anything.
 * style-src allows inline <style> because wavesurfer.js styles its shadow DOM that way.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
].join('; ');

/**
 * Playwright has no module mocks: importing this file first makes every later `require('electron')`
 * in the process resolve to the stand-in (tests/support/electron-mock.ts), so the real glue modules
 * load under Node exactly as the Vitest glue tests load them.
 */
import Module from 'node:module';
import path from 'node:path';

const standIn = path.join(__dirname, 'electron-mock.ts');
type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve };
const original = internals._resolveFilename;

if (!(original as { standIn?: boolean }).standIn) {
  const patched: Resolve = function (this: unknown, request, ...rest) {
    return request === 'electron' ? standIn : original.call(this, request, ...rest);
  };
  (patched as { standIn?: boolean }).standIn = true;
  internals._resolveFilename = patched;
}

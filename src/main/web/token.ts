/**
 * Browser mode's access token, kept in the data folder so a tab left open across a restart of
 * `npm run web` (same data folder, same port) is let back in. The file is created 0600 with 256
 * random bits and reused while it exists; `--new-token`, or deleting the file, rotates it (every
 * open tab is locked out). A file anyone else could read is never trusted: it is replaced.
 * Reasoning: docs/security.md, "Browser mode: coming back after a restart".
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const TOKEN_FILE = 'web-token';
const TOKEN_SHAPE = /^[\w-]{43}$/;

export type TokenSource = 'reused' | 'created' | 'rotated';

export function loadOrCreateToken(dataDir: string, { rotate = false } = {}): { token: string; source: TokenSource } {
  const file = path.join(dataDir, TOKEN_FILE);
  const existing = rotate ? null : readTrusted(file);
  if (existing) return { token: existing, source: 'reused' };
  const hadFile = fs.existsSync(file);
  const token = randomBytes(32).toString('base64url');
  // Written to a fresh 0600 file and renamed over the old one, so no reader ever sees a looser mode.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${token}\n`, { mode: 0o600, flag: 'wx' });
  fs.renameSync(temp, file);
  return { token, source: hadFile ? 'rotated' : 'created' };
}

/** The stored token, or null when there is none or it cannot be trusted (shape, owner, mode). */
function readTrusted(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  if (process.platform !== 'win32') {
    if ((stat.mode & 0o077) !== 0) return null;
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return null;
  }
  const token = fs.readFileSync(file, 'utf8').trim();
  return TOKEN_SHAPE.test(token) ? token : null;
}

/**
 * Maps a decoded /media/… URL path to a recording's file, only ever inside the data folder's
 * recordings/. The path is parsed, not trimmed: exactly `recordings/<session>/<round file>`, where the
 * round file is a finished recording or its peaks (`round-NN-<id>.webm|.peaks`, recordingFiles()). A
 * recording still being written (`….webm.part`, with or without a trailing slash) has no such name.
 */
import path from 'node:path';

const SESSION_FOLDER = /^[A-Za-z0-9_-]+$/;
const ROUND_FILE = /^round-\d{2}-[A-Za-z0-9_-]+\.(webm|peaks)$/;

export function mediaFile(dataDir: string, urlPath: string): string | null {
  const segments = urlPath.split('/');
  // ['', 'media', 'recordings', session, file]: nothing more (a trailing slash adds '').
  if (segments.length !== 5 || segments[0] !== '' || segments[1] !== 'media' || segments[2] !== 'recordings')
    return null;
  const [session, file] = [segments[3]!, segments[4]!];
  if (!SESSION_FOLDER.test(session) || !ROUND_FILE.test(file)) return null;
  return path.join(dataDir, 'recordings', session, file);
}

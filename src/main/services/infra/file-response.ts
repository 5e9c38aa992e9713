/**
 * Serves a file with HTTP Range support, for both the web server and Electron's app:// protocol,
 * so audio elements can seek. Returns plain data; each transport writes it its own way.
 */
import fs from 'node:fs';
import path from 'node:path';

export type FileResponse = {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  /** A stream of the bytes to send, or null for an empty body. */
  body: fs.ReadStream | null;
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webm': 'audio/webm',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Parses a single "bytes=a-b" range; multi-range requests get the whole file (allowed by RFC 9110). */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'invalid' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match;
  if (from === '' && to === '') return 'invalid';
  let start: number;
  let end: number;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

export function fileResponse(file: string, rangeHeader: string | undefined): FileResponse {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { status: 404, headers: {}, body: null };
    size = stat.size;
  } catch {
    return { status: 404, headers: {}, body: null };
  }
  const base = { 'Content-Type': mimeType(file), 'Accept-Ranges': 'bytes' };
  const range = parseRange(rangeHeader, size);
  if (range === 'invalid') {
    return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` }, body: null };
  }
  if (range) {
    return {
      status: 206,
      headers: {
        ...base,
        'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
        'Content-Length': String(range.end - range.start + 1),
      },
      body: fs.createReadStream(file, { start: range.start, end: range.end }),
    };
  }
  return {
    status: 200,
    headers: { ...base, 'Content-Length': String(size) },
    body: size > 0 ? fs.createReadStream(file) : null,
  };
}

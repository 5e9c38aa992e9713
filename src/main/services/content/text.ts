/** A content file's bytes as text: UTF-8 only (a BOM is allowed), and no NUL bytes (a binary file). */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeContentText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'the file is UTF-16 text; save it as UTF-8' };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: `the file is not UTF-8 text (an invalid byte ${at(bytes, firstInvalidUtf8(bytes))}); save it as UTF-8` };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, message: `the file is not text (a NUL byte ${at(bytes, Buffer.byteLength(text.slice(0, nul)))})` };
  return { ok: true, text };
}

/** The byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // Halve the prefix until it decodes: at most about 20 decodes of at most 512 KiB.
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    try {
      // A fresh decoder each time: streaming leaves a cut-off sequence buffered in the decoder.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      good = mid;
    } catch {
      bad = mid;
    }
  }
  return good;
}

function at(bytes: Uint8Array, offset: number): string {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return `on line ${line}, byte ${offset + 1} of the file`;
}

/** A model download's failure, by kind, with a message that names the file (shown as is in Settings). */
import type { ModelErrorKind } from '../../../shared/contract';

export class ModelDownloadError extends Error {
  /** The transports map "unavailable" to a coded API error with this message. */
  readonly code = 'unavailable' as const;
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    readonly file: string | null,
  ) {
    super(message);
  }
}

const networkCodes: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be resolved (no network?)',
  EAI_AGAIN: 'the host name could not be resolved (no network?)',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the connection was cut',
  CERT_HAS_EXPIRED: 'its HTTPS certificate has expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its HTTPS certificate could not be verified',
};

/** The system error code fetch() hides in `cause` (possibly nested), if any. */
export function causeCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'unavailable') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export function describeNetworkError(error: unknown): string {
  const code = causeCode(error);
  if (code && networkCodes[code]) return `${networkCodes[code]} (${code})`;
  return code ? code : ((error as Error)?.message ?? String(error));
}

export function isDiskFull(error: unknown): boolean {
  const code = causeCode(error);
  // A file-size limit (EFBIG) or a quota acts like a full disk for a download.
  return code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT';
}

export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error as Error)?.name === 'AbortError';
}

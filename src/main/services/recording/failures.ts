/** What a recording's failed write or row update tells the page: plain words, and that nothing saved is lost. */
import { BusyError, UnavailableError } from '../infra/errors';

/**
 * The row update failed, so the chunk is not stored (its bytes were cut back). A busy or full
 * database says so plainly; the chunk can be sent again and lands in the same place (the page resends
 * on 'busy' by itself; a full disk stops the recording).
 */
export function databaseError(error: unknown, seq: number): Error {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new BusyError(
      `The database is busy (another program holds it), so recording chunk ${seq} was not saved yet. ` +
        'Everything saved before it is kept, and the chunk is sent again.',
    );
  if (code === 'SQLITE_FULL')
    return new UnavailableError(
      `The disk is full, so recording chunk ${seq} was not saved. Everything recorded up to now is kept; free some space to record again.`,
    );
  return error as Error;
}

export function diskError(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT') {
    return new UnavailableError(
      'The disk is full, so recording stopped. Everything recorded up to now is kept; free some space to record again.',
    );
  }
  if (code === 'EIO' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new UnavailableError(`The recording could not be written (${code}). Everything recorded up to now is kept.`);
  }
  return error as Error;
}

/** Errors services throw on purpose; the transports turn them into coded API errors. */
export class NotFoundError extends Error {
  readonly code = 'not-found' as const;
}
export class ConflictError extends Error {
  readonly code = 'conflict' as const;
}
export class UnavailableError extends Error {
  readonly code = 'unavailable' as const;
}
/** Nothing was done, and the same call may succeed in a moment (the database is locked by another program). */
export class BusyError extends Error {
  readonly code = 'busy' as const;
}

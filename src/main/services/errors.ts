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

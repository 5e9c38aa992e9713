/** A readable message from anything a call or effect may throw. */
import { ApiCallError } from '../api/client';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isUnavailable(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'unavailable';
}

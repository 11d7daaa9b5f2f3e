/**
 * Expected failures are values with stable codes (src/shared/errors.ts); services return them, routes
 * unwrap them, and one error handler (http.ts) turns them into `{ code, message, fields? }`.
 */
import { ERRORS, type ErrorCode } from '../../shared/errors';

export interface Failure {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail<T = never>(
  code: ErrorCode,
  fields?: Record<string, string>,
  message?: string,
): Result<T> {
  return { ok: false, error: failure(code, fields, message) };
}

export function failure(code: ErrorCode, fields?: Record<string, string>, message?: string): Failure {
  return { code, message: message ?? ERRORS[code].message, ...(fields ? { fields } : {}) };
}

/** Thrown only to carry an expected failure out of a route to the error handler. */
export class HttpFailure extends Error {
  readonly status: number;
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'HttpFailure';
    this.status = ERRORS[failure.code].status;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new HttpFailure(result.error);
}

export function raise(code: ErrorCode, fields?: Record<string, string>): never {
  throw new HttpFailure(failure(code, fields));
}

/**
 * The one error type of the domain. Services throw AppError with a stable code of the closed
 * catalogue (src/contracts/errors: each module lists its codes there, with the status, the
 * Indonesian and English message, and the extra members); the HTTP layer turns it into
 * application/problem+json (RFC 9457). The status is the catalogue's, never the thrower's.
 *
 * Modules throw through factories: `appError(code, …)` for the platform's codes (below), and
 * `<module>.errors.ts` for a module's own (`queueError('queue.closed', …)`, `invalidState(t, …)`).
 */
import { ERROR_CATALOGUE, PLATFORM_ERRORS, type Catalogue, type ErrorCode, type ErrorEntry, type ErrorExtra } from '../../contracts/errors';

export type { ErrorCode } from '../../contracts/errors';

/** Every code → {status, id, en}. */
export const ERRORS: Readonly<Record<ErrorCode, ErrorEntry>> = ERROR_CATALOGUE;

export interface FieldError {
  field: string;
  code: string;
  messages: { id: string; en: string };
}

interface BaseDetails {
  /** Overrides the catalogue's messages (e.g. with the specific reason). */
  messages?: { id: string; en: string };
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** What a problem of `C` may add: the extra members its catalogue entry declares, required then. */
export type ErrorDetails<C extends ErrorCode = ErrorCode> = BaseDetails &
  ([ErrorExtra<C>] extends [undefined] ? { extra?: undefined } : { extra: ErrorExtra<C> });

/** The details argument: optional unless the code carries extra members. */
export type DetailsArg<C extends ErrorCode> = [ErrorExtra<C>] extends [undefined] ? [details?: ErrorDetails<C>] : [details: ErrorDetails<C>];

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;
  readonly details: BaseDetails & { extra?: object };
  constructor(
    readonly code: C,
    ...[given]: DetailsArg<C>
  ) {
    const details: BaseDetails & { extra?: object } = given ?? {};
    const known = ERRORS[code];
    // A 4xx is an answer, not a fault: nobody reads its stack, and capturing one for each of the
    // thousands of refusals in a booking rush is measurable. 5xx keep theirs.
    const limit = Error.stackTraceLimit;
    if (known.status < 500) Error.stackTraceLimit = 0;
    super(details.messages?.en ?? known.en);
    Error.stackTraceLimit = limit;
    this.status = known.status;
    this.details = details;
  }

  /** Just {id, en} (the catalogue entry also holds the status, which is no message). */
  get messages(): { id: string; en: string } {
    const known = ERRORS[this.code];
    return this.details.messages ?? { id: known.id, en: known.en };
  }

  /**
   * A framework 4xx that has no code of its own (platform/problem): `bad_request` with that
   * status, the one problem whose status is not the catalogue's.
   */
  static unmappedHttpStatus(status: number): AppError<'bad_request'> {
    const err = new AppError('bad_request');
    (err as { status: number }).status = status;
    return err;
  }
}

/** The factory of one catalogue's codes: a module throws its own codes with it (`<module>.errors.ts`). */
export function errorsOf<T extends Catalogue>(_catalogue: T) {
  return <C extends keyof T & ErrorCode>(code: C, ...details: DetailsArg<C>): AppError<C> => new AppError(code, ...details);
}

/** The platform's codes (validation, not found, rights, conflicts, limits), for every module. */
export const appError = errorsOf(PLATFORM_ERRORS);
export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;

/** A 400 naming one field: the common case for domain validation beyond the zod schema. */
export function fieldError(field: string, code: string, messages: { id: string; en: string }): AppError {
  return appError('validation_failed', {
    messages: { id: `${ERRORS.validation_failed.id} ${messages.id}`, en: `${ERRORS.validation_failed.en} ${messages.en}` },
    errors: [{ field, code, messages }],
  });
}

/** 404 naming what was missing, e.g. notFound('Tiket', 'Ticket'). */
export const notFound = (whatId: string, whatEn: string) =>
  appError('not_found', { messages: { id: `${whatId} tidak ditemukan.`, en: `${whatEn} not found.` } });

export const forbidden = () => appError('auth.forbidden');
export const unauthenticated = () => appError('auth.unauthenticated');

/**
 * For lookups where "not there" is an answer: null for a 404 AppError, any other failure (a
 * database error, a guard) is thrown on, never mistaken for absence.
 */
export function nullIfNotFound(err: unknown): null {
  if (err instanceof AppError && err.status === 404) return null;
  throw err;
}

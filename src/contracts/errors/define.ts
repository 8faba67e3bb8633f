/**
 * The shape of an error catalogue. Each module lists its problem codes once, in
 * `src/contracts/errors/<module>.ts`: the HTTP status the code always has, the Indonesian and
 * English message a problem shows when the thrower has nothing more specific to say, and the
 * extra members its problem document carries. Pure data (no zod, no server code), so the web and
 * tests import it as freely as the server does.
 */
export interface ErrorEntry {
  readonly status: number;
  readonly id: string;
  readonly en: string;
  /** The extra members of the problem document (see `carries`). */
  readonly extra?: Carries<object>;
}

declare const EXTRA: unique symbol;

/** The names of a problem's extra members at runtime; their types, for the server's factories. */
export interface Carries<T extends object> {
  readonly fields: readonly string[];
  /** Type only: never set. */
  readonly [EXTRA]?: T;
}

/**
 * Declares the extra members a code's problem document carries, e.g.
 * `extra: carries<{ retryAfter: number }>('retryAfter')`: the server cannot throw that code
 * without them (tsc), and the fields are listed for documentation and tests.
 */
export const carries = <T extends object>(...fields: (keyof T & string)[]): Carries<T> => ({ fields });

export type Catalogue = Readonly<Record<string, ErrorEntry>>;

/** The extra members of an entry, `undefined` when it carries none. */
export type ExtraOf<E> = E extends { extra: Carries<infer T> } ? T : undefined;

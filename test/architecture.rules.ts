/**
 * The few imports the architecture test (test/architecture.test.ts) allows against its rules,
 * each with the reason. The test also fails on an entry that no longer matches any import, so
 * this list only ever holds exceptions that are still needed.
 *
 * Paths are relative to the repository root, with their extension.
 */

export type Rule = 'schema-import';

export interface Exception {
  rule: Rule;
  from: string;
  to: string;
  reason: string;
}

export const EXCEPTIONS: Exception[] = [
  {
    rule: 'schema-import',
    from: 'src/server/platform/db.ts',
    to: 'src/server/db/schema.ts',
    reason: 'The typed database handle (drizzle) is built over every table; it runs no query of its own.',
  },
  {
    rule: 'schema-import',
    from: 'src/server/platform/events.ts',
    to: 'src/server/db/events.schema.ts',
    reason: 'The outbox belongs to no module: platform/events.ts is the repository of its table.',
  },
  {
    rule: 'schema-import',
    from: 'src/server/platform/jobs.ts',
    to: 'src/server/db/jobs.schema.ts',
    reason: 'The job queue belongs to no module: platform/jobs.ts is the repository of its table.',
  },
  {
    rule: 'schema-import',
    from: 'src/server/platform/audit.ts',
    to: 'src/server/db/audit.schema.ts',
    reason: 'Every module writes the audit log through platform/audit.ts, the repository of its table.',
  },
  {
    rule: 'schema-import',
    from: 'src/server/platform/rate-limit.ts',
    to: 'src/server/db/rate-limits.schema.ts',
    reason: 'The failed-attempt store (sign-in, booking proofs) is the platform\'s; rate-limit.ts is the repository of its table.',
  },
];

/**
 * Packages src/domain may import. Domain code runs on the server and in the browser bundles
 * (kiosk, display), so every package here ships to both; anything else stays out. (Tests beside
 * the code, *.test.ts, may import any package.)
 */
export const DOMAIN_PACKAGES: Record<string, string> = {
  luxon: 'Zone-aware dates: "today", opening hours and deadlines in the site\'s IANA zone.',
  'date-holidays': 'The national holidays of Indonesia for the working-day and closure rules.',
};

/** Packages src/contracts may import: the schemas are zod and nothing else. */
export const CONTRACT_PACKAGES: Record<string, string> = {
  zod: 'Every request, response and event schema is a zod schema.',
};

/**
 * What the composition root (src/server/*.ts: app, server, main, background) may import of a
 * module besides its lookup: the routes app.ts registers (a module may split them by area:
 * `staff.routes.ts`) and the jobs background.ts runs (`<module>.jobs.ts`).
 */
export const ROOT_ENTRY_SUFFIXES = ['.routes.ts', '.jobs.ts'];

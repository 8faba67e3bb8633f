import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Failed-attempt limits (platform/rate-limit: sign-in, booking proofs): one row per key, swept
 * once expired. The platform's table, not a module's: access and booking both count in it.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    /** Failures in the current window, or in a row (backoff). */
    count: integer('count').notNull().default(0),
    /** Attempts admitted and not yet settled. */
    pending: integer('pending').notNull().default(0),
    blockedUntil: ts('blocked_until'),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);

/**
 * The closed vocabularies and limits of citizens' accounts, without zod, so the citizen's pages
 * (a cheap phone) take them without the schema library; src/contracts/citizens.ts builds on them.
 */
export const DOCUMENT_STATUSES = ['uploaded', 'verified', 'issued', 'rejected'] as const;
export const READINESS = ['verified', 'uploaded', 'missing'] as const;
export const ACCESS_ACTIONS = ['profile.read', 'document.read', 'document.verified', 'document.rejected', 'document.issued', 'nik.verified', 'read_refused'] as const;
export const CONSENT_STATUSES = ['active', 'expired', 'revoked'] as const;
/** Default and longest period of a consent, in days (the 7 and 30). */
export const CONSENT_DEFAULT_DAYS = 7;
export const CONSENT_MAX_DAYS = 30;
/** The largest document the wallet takes (10 MiB). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** What the wallet takes, by sniffed media type. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

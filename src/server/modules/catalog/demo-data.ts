/** Demo catalogue for `loket seed --demo`: MPP Samarinda (operating) and MPP Balikpapan (trial). */
import { BALIKPAPAN } from './demo-data/balikpapan';
import { SAMARINDA } from './demo-data/samarinda';
import type { DemoSite } from './demo-data/types';

export * from './demo-data/types';
export { DEMO_DOCUMENT_TYPES } from './demo-data/document-types';

/** The first site is the main one: demo logins are created for it only. */
export const DEMO_SITES: DemoSite[] = [SAMARINDA, BALIKPAPAN];

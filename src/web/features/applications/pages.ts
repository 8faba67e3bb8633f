import { lazy } from 'react';

/**
 * What other features may mount of applications, each its own chunk: the counter console's
 * "Daftarkan permohonan" dialog (queue). The staff pages' routes are in app/nav.ts, the public
 * tracking page in app/router.tsx.
 */
export const RegisterApplicationDialog = lazy(() => import('./counter/RegisterDialog'));
export type { ServedTicket } from './counter/RegisterDialog';

import { lazy } from 'react';

/**
 * What other features may mount of citizens' accounts, each its own chunk: the readiness card
 * (the service page, the booking), the citizen's area is in app/router.tsx and the officer's page
 * in app/nav.ts.
 */
export const ReadinessCard = lazy(() => import('./wallet/ReadinessCard'));

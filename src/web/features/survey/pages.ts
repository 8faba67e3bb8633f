import { lazy } from 'react';

/**
 * What other features may mount of the survey, each its own chunk: the status page's invitation
 * (queue), and the staff pages' routes are in app/nav.ts, the public ones in app/router.tsx.
 */
export const SurveyInvite = lazy(() => import('./public/SurveyInvite'));

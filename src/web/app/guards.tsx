import { lazy, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { signedOut, useMe, useSetupStatus } from '../features/access/api';
import { PageLoader } from './PageLoader';
import { QueryError } from './QueryError';

// The staff shell (AppShell, menus, navbar) is its own chunk: public, kiosk and display pages never load it.
const StaffLayout = lazy(() => import('./StaffLayout'));

/** Only a safe same-origin path may be a redirect target (no `//host` or `/\host`). */
export function safeNext(next: string | null | undefined, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

/**
 * Staff routes: needs a session (`GET /api/v1/auth/me`). Without one, goes to /setup while no user
 * exists yet, else to /login?next=<here>. What each page is for is checked in the StaffLayout
 * (route `handle.action`, taken from the nav registry, against src/domain/policy.ts).
 */
export function RequireStaff() {
  const me = useMe();
  const location = useLocation();
  const setup = useSetupStatus(me.data === null);

  if (me.isPending) return <PageLoader minHeight="100vh" />;
  if (me.isError)
    return (
      <div style={{ padding: 24 }}>
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  if (me.data === null) {
    if (signedOut()) return <Navigate to="/login" replace />;
    if (setup.isPending) return <PageLoader minHeight="100vh" />;
    if (setup.data?.needed) return <Navigate to="/setup" replace />;
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <Suspense fallback={<PageLoader minHeight="100vh" />}>
      <StaffLayout />
    </Suspense>
  );
}

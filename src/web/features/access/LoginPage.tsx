import { Button, PasswordInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../app/guards';
import { STAFF_HOME } from '../../app/nav';
import { PageLoader } from '../../app/PageLoader';
import { AuthFormCard } from './AuthFormCard';
import { usePageTitle } from '../../app/usePageTitle';
import { ApiError } from '../../lib/api';
import type { Translate } from '../../i18n/texts';
import { problemMessage } from '../../lib/errors';
import { useLogin, useMe, useSetupStatus } from './api';

/** The text for a failed sign-in: wrong credentials, rate limit with its seconds, or anything else. */
function loginErrorText(err: unknown, t: Translate<'auth.login.rateLimited'>): string {
  if (err instanceof ApiError && err.status === 429 && err.retryAfter !== undefined) {
    return t('auth.login.rateLimited', { count: err.retryAfter });
  }
  return problemMessage(err);
}

export default function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), STAFF_HOME);
  const me = useMe();
  const setup = useSetupStatus();
  const login = useLogin();

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  if (me.data) return <Navigate to={next} replace />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.isPending) return <PageLoader minHeight="100vh" />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const m = { username: !username.trim(), password: !password };
    setMissing(m);
    if (m.username || m.password) return;
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: () => setPassword(''),
      },
    );
  };

  const error = login.isError ? loginErrorText(login.error, t) : null;

  return (
    <AuthFormCard id="login-title" title={t('auth.login.title')} intro={t('auth.login.subtitle')} maxWidth={420} error={error} errorTestId="login-error" onSubmit={onSubmit}>
              <TextInput
                label={t('auth.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={missing.username ? t('common.required') : undefined}
                data-testid="login-username"
              />
              <PasswordInput
                label={t('auth.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={missing.password ? t('common.required') : undefined}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                data-testid="login-password"
              />
              <Button type="submit" fullWidth loading={login.isPending} data-testid="login-submit">
                {t('auth.login.submit')}
              </Button>
    </AuthFormCard>
  );
}

import { Button, PasswordInput, TextInput } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { STAFF_HOME } from '../../app/nav';
import { PageLoader } from '../../app/PageLoader';
import { PublicShell } from '../../app/PublicShell';
import { QueryError } from '../../app/QueryError';
import { AuthFormCard } from './AuthFormCard';
import { usePageTitle } from '../../app/usePageTitle';
import { ApiError } from '../../lib/api';
import { fieldErrors, notifySuccess, problemMessage } from '../../lib/errors';
import { useMe, useSetup, useSetupStatus } from './api';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from './types';

type Field = 'username' | 'displayName' | 'password' | 'confirm';

/** First run: creates the first platform admin, then signs them in. Gone once any user exists. */
export default function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('setup.title'));
  const navigate = useNavigate();
  const status = useSetupStatus();
  const me = useMe();
  const setup = useSetup();

  const [values, setValues] = useState<Record<Field, string>>({ username: '', displayName: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const set = (f: Field) => (e: ChangeEvent<HTMLInputElement>) => {
    const v = e.currentTarget.value;
    setValues((s) => ({ ...s, [f]: v }));
    if (errors[f]) setErrors((s) => ({ ...s, [f]: undefined }));
  };

  if (status.isPending) return <PageLoader minHeight="100vh" />;
  if (status.isError)
    return (
      <PublicShell size="xs">
        <QueryError error={status.error} onRetry={() => void status.refetch()} />
      </PublicShell>
    );
  // Nothing to set up (any more): go where a visitor belongs. Also after a successful setup.
  if (!status.data.needed) return <Navigate to={me.data ? STAFF_HOME : '/login'} replace />;

  const validate = (): Partial<Record<Field, string>> => {
    const e: Partial<Record<Field, string>> = {};
    const username = values.username.trim();
    if (!username) e.username = t('common.required');
    else if (!USERNAME_PATTERN.test(username)) e.username = t('setup.invalidUsername');
    if (!values.displayName.trim()) e.displayName = t('common.required');
    if (!values.password) e.password = t('common.required');
    else if (values.password.length < MIN_PASSWORD_LENGTH) e.password = t('setup.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    if (!values.confirm) e.confirm = t('common.required');
    else if (values.confirm !== values.password) e.confirm = t('setup.passwordMismatch');
    return e;
  };

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setup.mutate(
      { username: values.username.trim(), displayName: values.displayName.trim(), password: values.password },
      {
        onSuccess: () => {
          notifySuccess(t('setup.created'));
          navigate(STAFF_HOME, { replace: true });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'setup.already_done') {
            void status.refetch();
            return;
          }
          setErrors(fieldErrors(err) as Partial<Record<Field, string>>);
        },
      },
    );
  };

  const formError = setup.isError ? problemMessage(setup.error) : null;

  return (
    <AuthFormCard id="setup-title" title={t('setup.title')} intro={t('setup.intro')} maxWidth={480} error={formError} onSubmit={onSubmit}>
              <TextInput
                label={t('setup.displayName')}
                description={t('setup.displayNameHint')}
                name="displayName"
                autoComplete="name"
                required
                autoFocus
                value={values.displayName}
                onChange={set('displayName')}
                error={errors.displayName}
              />
              <TextInput
                label={t('auth.username')}
                description={t('setup.usernameHint')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={values.username}
                onChange={set('username')}
                error={errors.username}
              />
              <PasswordInput
                label={t('auth.password')}
                description={t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
                name="password"
                autoComplete="new-password"
                required
                value={values.password}
                onChange={set('password')}
                error={errors.password}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              />
              <PasswordInput
                label={t('setup.confirmPassword')}
                name="confirm"
                autoComplete="new-password"
                required
                value={values.confirm}
                onChange={set('confirm')}
                error={errors.confirm}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              />
              <Button type="submit" fullWidth loading={setup.isPending}>
                {t('setup.submit')}
              </Button>
    </AuthFormCard>
  );
}

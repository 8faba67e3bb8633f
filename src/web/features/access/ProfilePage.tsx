import { Alert, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { ApiError } from '../../lib/api';
import { fieldErrors, notifySuccess, problemMessage } from '../../lib/errors';
import { useChangePassword, useCurrentUser } from './api';
import { MembershipList } from './MembershipList';
import { MIN_PASSWORD_LENGTH } from './types';

type Field = 'currentPassword' | 'newPassword' | 'confirm';
const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '', confirm: '' };

function ChangePasswordForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const set = (f: Field) => (e: ChangeEvent<HTMLInputElement>) => {
    const v = e.currentTarget.value;
    setValues((s) => ({ ...s, [f]: v }));
    if (errors[f]) setErrors((s) => ({ ...s, [f]: undefined }));
  };

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) e.currentPassword = t('common.required');
    if (!values.newPassword) e.newPassword = t('common.required');
    else if (values.newPassword.length < MIN_PASSWORD_LENGTH) e.newPassword = t('setup.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    if (!values.confirm) e.confirm = t('common.required');
    else if (values.confirm !== values.newPassword) e.confirm = t('setup.passwordMismatch');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(EMPTY);
          notifySuccess(t('profile.changed'));
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'auth.invalid_credentials') setErrors({ currentPassword: t('profile.wrongCurrent') });
          else setErrors(fieldErrors(err) as Partial<Record<Field, string>>);
        },
      },
    );
  };

  const wrongCurrent = change.error instanceof ApiError && change.error.code === 'auth.invalid_credentials';
  const formError = change.isError && !wrongCurrent ? problemMessage(change.error) : null;
  const pwProps = { visibilityToggleButtonProps: { 'aria-label': t('auth.showPassword') } };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="password-title">
      <Stack gap="md" maw={420}>
        <Title order={2} size="h4" id="password-title">
          {t('profile.changePassword')}
        </Title>
        <div aria-live="assertive" aria-atomic="true">
          {formError && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden="true" />}>
              {formError}
            </Alert>
          )}
        </div>
        {/* Lets password managers tie the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <PasswordInput label={t('profile.currentPassword')} name="currentPassword" autoComplete="current-password" required value={values.currentPassword} onChange={set('currentPassword')} error={errors.currentPassword} {...pwProps} />
        <PasswordInput
          label={t('profile.newPassword')}
          description={t('profile.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          name="newPassword"
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
          {...pwProps}
        />
        <PasswordInput label={t('profile.confirmPassword')} name="confirm" autoComplete="new-password" required value={values.confirm} onChange={set('confirm')} error={errors.confirm} {...pwProps} />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('profile.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The signed-in staff member: who they are, their roles, and a password change. */
export default function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const user = useCurrentUser();
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('profile.title')}</Title>
      <Card withBorder padding="lg" component="section" aria-labelledby="account-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="account-title">
            {t('profile.account')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {t('profile.displayName')}
              </Text>
              <Text component="dd" m={0} fw={500} data-testid="profile-display-name">
                {user.displayName}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {t('auth.username')}
              </Text>
              <Text component="dd" m={0} fw={500} data-testid="profile-username">
                {user.username}
              </Text>
            </div>
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('profile.roles')}
          </Title>
          <MembershipList memberships={user.memberships} />
        </Stack>
      </Card>
      <Card withBorder padding="lg" component="section">
        <ChangePasswordForm username={user.username} />
      </Card>
    </Stack>
  );
}

import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useConfirm } from '../../../app/admin/AdminParts';
import { usePageTitle } from '../../../app/usePageTitle';
import { fieldErrors, problemMessage } from '../../../lib/errors';
import { useCitizen, useDeleteAccount, usePatchMe } from '../api';
import '../i18n';
import type { CitizenSelf } from '../types';
import { SessionsCard } from './SessionsCard';

/** /akun: name, the declared NIK (masked; "checked" once an officer saw the KTP), the devices signed in, and leaving for good. */
export default function ProfilePage() {
  const { t } = useTranslation('citizens');
  usePageTitle(t('profile.title'));
  const me = useCitizen();
  if (!me.data) return null;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('profile.title')}
      </Title>
      <ProfileForm me={me.data} />
      <SessionsCard />
      <DeleteAccount />
    </Stack>
  );
}

function ProfileForm({ me }: { me: CitizenSelf }) {
  const { t } = useTranslation('citizens');
  const patch = usePatchMe();
  const [name, setName] = useState(me.name ?? '');
  const [nik, setNik] = useState('');
  const [saved, setSaved] = useState(false);
  const errors = patch.isError ? fieldErrors(patch.error) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body: { name?: string; nik?: string } = {};
    if (name.trim() && name.trim() !== (me.name ?? '')) body.name = name.trim();
    if (nik.trim()) body.nik = nik.replace(/\s+/g, '');
    if (!body.name && !body.nik) return;
    patch.mutate(body, { onSuccess: () => (setNik(''), setSaved(true)) });
  };
  const unknownError = patch.isError && !errors['body.name'] && !errors['body.nik'] ? problemMessage(patch.error) : null;
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate aria-label={t('profile.title')}>
      <Stack gap="md">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('profile.contact')}
          </Text>
          <Text size="sm" fw={600} data-testid="profile-contact">
            {me.contact}
          </Text>
        </Group>
        <TextInput label={t('profile.name')} autoComplete="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['body.name']} data-testid="profile-name" />
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('profile.nik')}
            </Text>
            <Text size="sm" ff="monospace" data-testid="profile-nik">
              {me.nik ?? t('profile.nikNone')}
            </Text>
            {me.nik && (
              <Badge color={me.nikVerified ? 'teal.9' : 'gray.8'} variant={me.nikVerified ? 'light' : 'outline'} leftSection={me.nikVerified ? <IconCircleCheck size={12} aria-hidden="true" /> : undefined}>
                {me.nikVerified ? (me.nikVerifiedBy ? t('profile.nikVerified', { agency: me.nikVerifiedBy.agency.name }) : t('profile.nikVerifiedPlain')) : t('profile.nikDeclared')}
              </Badge>
            )}
          </Group>
          <TextInput
            label={me.nik ? t('profile.changeNik') : t('profile.nikNew')}
            description={t('profile.nikHint')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            value={nik}
            onChange={(e) => setNik(e.currentTarget.value)}
            error={errors['body.nik']}
            data-testid="profile-nik-input"
          />
        </Stack>
        <div aria-live="polite">
          {unknownError && <Alert color="red">{unknownError}</Alert>}
          {saved && (
            <Alert color="teal" data-testid="profile-saved">
              {t('profile.saved')}
            </Alert>
          )}
        </div>
        <Group>
          <Button type="submit" loading={patch.isPending} data-testid="profile-save">
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DeleteAccount() {
  const { t } = useTranslation('citizens');
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const [dialog, confirm] = useConfirm();
  const ask = async () => {
    if (await confirm({ title: t('profile.deleteTitle'), message: t('profile.deleteBody'), confirmLabel: t('profile.deleteConfirm'), danger: true })) remove.mutate(undefined, { onSuccess: () => navigate('/', { replace: true }) });
  };
  return (
    <Group>
      {dialog}
      <Button variant="light" color="red.9" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => void ask()} loading={remove.isPending} data-testid="account-delete">
        {t('profile.deleteAccount')}
      </Button>
    </Group>
  );
}

import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconFolderOpen, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdminHeader } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { ApiError } from '../../../lib/api';
import { useShared } from '../api';
import '../i18n';
import { SharedView } from './SharedView';

/** The code as the citizen shows it or a scanner types it: any case, spaces or dash. */
const normalise = (raw: string) => raw.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * "Buka berkas warga": the officer types (or scans) the citizen's share code and sees the
 * citizen's name, masked NIK and the shared documents only; every read is logged for the citizen.
 */
export default function SharedDocumentsPage() {
  const { t } = useTranslation('citizens');
  const [params, setParams] = useSearchParams();
  const code = normalise(params.get('code') ?? '');
  const [typed, setTyped] = useState(params.get('code') ?? '');
  const shared = useShared(code || undefined);
  const open = (e: FormEvent) => {
    e.preventDefault();
    const c = normalise(typed);
    if (c.length >= 4) setParams({ code: c });
  };
  const gone = shared.isError && shared.error instanceof ApiError && shared.error.status === 404;
  return (
    <Stack gap="lg">
      <AdminHeader title={t('officer.title')} description={t('officer.intro')} />
      <Card withBorder padding="md" component="form" onSubmit={open} noValidate aria-label={t('officer.title')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('officer.code')}
            placeholder="ABCD-2345"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoFocus
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            ff="monospace"
            w={220}
            data-testid="shared-code"
          />
          <Button type="submit" leftSection={<IconFolderOpen size={16} aria-hidden="true" />} loading={shared.isFetching} data-testid="shared-open">
            {t('officer.open')}
          </Button>
        </Group>
      </Card>
      <div aria-live="polite">
        {gone ? (
          <Alert color="orange" data-testid="shared-not-found">
            {t('officer.notFound')}
          </Alert>
        ) : shared.isError ? (
          <QueryError error={shared.error} onRetry={() => void shared.refetch()} />
        ) : null}
      </div>
      {shared.data && code && <SharedView code={code} view={shared.data} />}
      <Group gap="xs" c="dimmed">
        <IconInfoCircle size={16} aria-hidden="true" />
        <Text size="sm">{t('officer.logged')}</Text>
      </Group>
    </Stack>
  );
}

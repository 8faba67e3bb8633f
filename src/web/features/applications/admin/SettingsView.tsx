import { Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNumberFormat, numberFormatMessages } from '../../../../domain/applications';
import { FormAlert, PageFormActions, TableSkeleton, useAdminSubmit } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { usePublicAgencies } from '../../catalog/api';
import { useApplicationSettings, useSaveApplicationSettings } from '../api';
import '../i18n';
import { useApplicationsScope } from './scope';

/** Each agency's registration number format, with the number the next application would get. */
export default function SettingsView() {
  const { t } = useTranslation('applications');
  const scope = useApplicationsScope();
  const agencies = usePublicAgencies(scope.siteId ?? undefined);
  const mine = (agencies.data ?? []).filter((a) => scope.siteSettings || scope.settingsAgencies.includes(a.id));
  const [agencyId, setAgencyId] = useState('');
  const chosen = mine.find((a) => a.id === agencyId) ?? mine[0];
  if (agencies.isPending) return <TableSkeleton rows={3} />;
  if (agencies.isError) return <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} />;
  if (!chosen) return <Text c="dimmed">{t('settings.noAgency')}</Text>;
  return (
    <Stack gap="md" maw={720}>
      <Title order={3} size="h4">
        {t('settings.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.description')}
      </Text>
      {mine.length > 1 && (
        <NativeSelect label={t('settings.agency')} value={chosen.id} onChange={(e) => setAgencyId(e.currentTarget.value)} data={mine.map((a) => ({ value: a.id, label: a.name }))} data-testid="settings-agency" />
      )}
      <FormatForm key={chosen.id} agencyId={chosen.id} agencyName={chosen.name} />
    </Stack>
  );
}

function FormatForm({ agencyId, agencyName }: { agencyId: string; agencyName: string }) {
  const { t } = useTranslation('applications');
  const lang = useLang();
  const settings = useApplicationSettings(agencyId);
  const save = useSaveApplicationSettings(agencyId);
  const form = useAdminSubmit(save, (f) => f === 'numberFormat');
  const [format, setFormat] = useState('');
  useEffect(() => {
    if (settings.data) setFormat(settings.data.numberFormat);
  }, [settings.data]);
  if (settings.isPending) return <TableSkeleton rows={2} />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const bad = checkNumberFormat(format.trim());
    form.submit(bad ? { numberFormat: numberFormatMessages[bad][lang] } : {}, { numberFormat: format.trim() }, { success: () => t('settings.saved', { agency: agencyName }) });
  };
  return (
    <Card withBorder>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={form.server.summary} />
          <TextInput
            label={t('settings.format')}
            required
            maxLength={60}
            ff="monospace"
            value={format}
            onChange={(e) => {
              setFormat(e.currentTarget.value);
              form.clear('numberFormat');
            }}
            error={form.errors.numberFormat}
            data-testid="settings-format"
          />
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('settings.example')}:
            </Text>
            <Text size="sm" ff="monospace" fw={700} data-testid="settings-example">
              {settings.data.example}
            </Text>
          </Group>
          <PageFormActions cancelTo="/applications" submitLabel={t('settings.save')} loading={form.pending} testId="settings-save" />
        </Stack>
      </form>
    </Card>
  );
}

import { Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceTablet } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/QueryError';
import { Empty, TableSkeleton } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { fieldErrors, notifyError, notifySuccess } from '../../../lib/errors';
import { usePublicAgencies } from '../../catalog/api';
import { usePlaceTablet, useSiteCounters, useSaveSettings, useSaveSignatory, useSignatory, useSurveySettings, useTablets } from '../api';
import type { SurveySettings } from '../types';
import { useSurveyScope } from './scope';

/** Tablets and their places, the survey rules (site admins) and who signs each unit's report. */
export default function SetupView() {
  const scope = useSurveyScope();
  if (!scope.siteId) return null;
  return (
    <Stack gap="md">
      {scope.siteManager && <Tablets siteId={scope.siteId} />}
      {scope.siteManager && <Rules siteId={scope.siteId} />}
      <SignatoryForm siteId={scope.siteId} />
    </Stack>
  );
}

function Tablets({ siteId }: { siteId: string }) {
  const { t } = useTranslation('survey');
  const tablets = useTablets(siteId);
  const counters = useSiteCounters(siteId);
  const place = usePlaceTablet(siteId);
  const options = [{ value: 'exit', label: t('admin.exit') }, ...(counters.data ?? []).map((c) => ({ value: c.id, label: c.name }))];
  return (
    <Card withBorder>
      <Title order={3} size="h4">{t('admin.tablets')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('admin.tabletsIntro')}</Text>
      {tablets.error ? <QueryError error={tablets.error} /> : null}
      {!tablets.data ? (
        <TableSkeleton rows={2} />
      ) : tablets.data.length === 0 ? (
        <Empty icon={<IconDeviceTablet size={28} />} title={t('admin.noTablets')} />
      ) : (
        <Table data-testid="survey-tablets">
          <Table.Tbody>
            {tablets.data.map((d) => (
              <Table.Tr key={d.deviceId}>
                <Table.Td>{d.name}{d.revoked ? ` · ${t('admin.revoked')}` : ''}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('admin.place')}: ${d.name}`}
                    placeholder={t('admin.unplaced')}
                    data={options}
                    value={d.placed ? (d.counter?.id ?? 'exit') : null}
                    disabled={d.revoked}
                    onChange={(v) => v && place.mutate({ deviceId: d.deviceId, counterId: v === 'exit' ? null : v }, { onSuccess: () => notifySuccess(t('admin.saved')), onError: (e) => notifyError(e) })}
                    w={260}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Rules({ siteId }: { siteId: string }) {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const settings = useSurveySettings(siteId);
  const save = useSaveSettings(siteId);
  const [value, setValue] = useState<SurveySettings | null>(null);
  useEffect(() => {
    if (settings.data) setValue(settings.data);
  }, [settings.data]);
  const errors = fieldErrors(save.error, lang);
  if (!value) return <TableSkeleton rows={2} />;
  const num = (k: keyof SurveySettings) => (v: string | number) => setValue({ ...value, [k]: typeof v === 'number' ? v : Number(v) || 0 });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(value, { onSuccess: () => notifySuccess(t('admin.saved')), onError: (err) => notifyError(err) });
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Title order={3} size="h4" mb="xs">{t('admin.settingsTitle')}</Title>
      <Group align="flex-start" wrap="wrap">
        <NumberInput label={t('admin.windowDays')} min={1} max={90} value={value.windowDays} onChange={num('windowDays')} w={280} error={errors.windowDays} />
        <NumberInput label={t('admin.minGroupSize')} description={t('admin.minGroupHint')} min={1} max={100} value={value.minGroupSize} onChange={num('minGroupSize')} w={280} error={errors.minGroupSize} />
        <NumberInput label={t('admin.offerMinutes')} min={1} max={240} value={value.offerMinutes} onChange={num('offerMinutes')} w={280} error={errors.offerMinutes} />
      </Group>
      <Group justify="flex-end" mt="sm"><Button type="submit" loading={save.isPending}>{t('admin.save')}</Button></Group>
    </Card>
  );
}

function SignatoryForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const scope = useSurveyScope();
  const agencies = usePublicAgencies(siteId);
  const choices = [
    ...(scope.siteManager ? [{ value: '', label: t('admin.mppLevel') }] : []),
    ...(agencies.data ?? []).filter((a) => scope.manages(a.id)).map((a) => ({ value: a.id, label: a.name })),
  ];
  const [agencyId, setAgencyId] = useState<string>(scope.siteManager ? '' : (scope.agencyIds[0] ?? ''));
  const current = useSignatory(siteId, agencyId);
  const save = useSaveSignatory(siteId);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [nip, setNip] = useState('');
  useEffect(() => {
    setName(current.data?.name ?? '');
    setTitle(current.data?.title ?? '');
    setNip(current.data?.nip ?? '');
  }, [current.data]);
  const errors = fieldErrors(save.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ agencyId: agencyId || null, name, title, nip: nip || null }, { onSuccess: () => notifySuccess(t('admin.saved')), onError: (err) => notifyError(err) });
  };
  if (!choices.length) return null;
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Title order={3} size="h4" mb="xs">{t('admin.signatoryTitle')}</Title>
      <Group align="flex-start" wrap="wrap">
        <Select label={t('admin.signatoryFor')} data={choices} value={agencyId} onChange={(v) => setAgencyId(v ?? '')} allowDeselect={false} w={280} />
        <TextInput label={t('admin.signName')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={160} w={240} error={errors.name} />
        <TextInput label={t('admin.signTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} w={240} error={errors.title} />
        <TextInput label={t('admin.signNip')} value={nip} onChange={(e) => setNip(e.currentTarget.value)} maxLength={24} inputMode="numeric" w={220} error={errors.nip} />
      </Group>
      <Group justify="flex-end" mt="sm"><Button type="submit" loading={save.isPending}>{t('admin.save')}</Button></Group>
    </Card>
  );
}

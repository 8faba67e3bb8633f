import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDate, formatDateTimeShort } from '../../../lib/format';
import { notifySuccess } from '../../../lib/errors';
import { useStaffActions } from '../api';
import { Deadline } from '../components/Deadline';
import '../i18n';
import type { ComplaintDetail } from '../types';

/** The facts of a complaint; the reporter only as far as the server shows them to this caller. */
export function Summary({ c, zone, desk }: { c: ComplaintDetail; zone?: string; desk: boolean }) {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const rows: Array<[string, ReactNode]> = [
    [t('detail.kind'), t(`classification.${c.classification}`)],
    [t('detail.category'), c.category ?? t('none')],
    [t('detail.agency'), c.agency?.name ?? t('admin.unassigned')],
  ];
  if (c.requestedAgency && c.requestedAgency.id !== c.agency?.id) rows.push([t('detail.requestedAgency'), c.requestedAgency.name]);
  rows.push(
    [t('detail.service'), c.service?.name ?? t('none')],
    [t('detail.channel'), t(`channel.${c.channel}`)],
    [t('detail.filedAt'), formatDateTimeShort(c.filedAt, lang, zone)],
    [t('detail.serviceDate'), c.serviceDate ? formatDate(c.serviceDate, lang) : t('none')],
    [t('detail.verifyBy'), formatDate(c.verifyBy, lang)],
    [t('detail.respondBy'), c.respondBy ? formatDate(c.respondBy, lang) : t('none')],
  );
  if (c.status === 'submitted' || c.status === 'verified') rows.push([t('admin.col.deadline'), <Deadline key="d" c={c} />]);
  if (c.autoCloseAfter && c.status === 'responded') rows.push([t('detail.autoCloseAfter'), formatDate(c.autoCloseAfter, lang)]);
  if (c.forwardedTo) rows.push([t('detail.forwardedTo'), c.forwardedTo]);
  if (c.trackingCode) rows.push([t('detail.trackingCode'), <Text key="code" ff="monospace" size="sm">{c.trackingCode}</Text>]);
  const reporter = c.anonymous ? (
    t('detail.reporterAnonymous')
  ) : c.reporter ? (
    <Stack key="r" gap={0} data-testid="complaint-reporter">
      <Text size="sm">{c.reporter.name}</Text>
      {c.reporter.phone && <Text size="sm">{c.reporter.phone}</Text>}
      {c.reporter.email && <Text size="sm">{c.reporter.email}</Text>}
    </Stack>
  ) : (
    t('detail.reporterHidden')
  );
  rows.push([t('detail.reporter'), reporter]);
  rows.push([c.linked?.kind === 'application' ? t('detail.linkedApplication') : t('detail.linked'), c.linked ? `${c.linked.number ?? ''} (${c.linked.code})` : c.confidential ? t('detail.linkedHidden') : t('none')]);
  if (c.reopenCount > 0) rows.push([t('admin.col.status'), t('detail.reopened', { count: c.reopenCount })]);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="complaint-summary">
      <Stack gap="xs">
        <Title order={2} size="h4" id="complaint-summary">
          {t('detail.summary')}
        </Title>
        <Table variant="vertical" layout="fixed" withRowBorders>
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={170}>{k}</Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LaporNumber c={c} desk={desk} />
      </Stack>
    </Card>
  );
}

/** The SP4N-LAPOR! ticket number when the complaint is also filed there: the desk records it. */
function LaporNumber({ c, desk }: { c: ComplaintDetail; desk: boolean }) {
  const { t } = useTranslation('complaints');
  const { lapor } = useStaffActions(c.id);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(c.laporTicket ?? '');
  if (!editing || !desk) {
    return (
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {t('detail.lapor')}: <strong data-testid="complaint-lapor">{c.laporTicket ?? t('detail.laporNone')}</strong>
        </Text>
        {desk && (
          <Button size="compact-sm" variant="subtle" onClick={() => { setValue(c.laporTicket ?? ''); setEditing(true); }}>
            {t('detail.laporEdit')}
          </Button>
        )}
      </Group>
    );
  }
  const save = (n: string | null) => lapor.mutate(n, { onSuccess: () => { setEditing(false); notifySuccess(t('detail.laporSaved')); } });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save(value.trim() || null); }}>
      <Group align="flex-end" gap="xs">
        <TextInput label={t('detail.lapor')} value={value} onChange={(e) => setValue(e.currentTarget.value)} minLength={3} maxLength={40} style={{ flex: 1 }} data-autofocus />
        <Button type="submit" loading={lapor.isPending}>{t('detail.laporSave')}</Button>
        {c.laporTicket && <Button variant="subtle" color="red" onClick={() => save(null)}>{t('detail.laporClear')}</Button>}
        <Button variant="default" onClick={() => setEditing(false)}>{t('action.cancel')}</Button>
      </Group>
    </form>
  );
}

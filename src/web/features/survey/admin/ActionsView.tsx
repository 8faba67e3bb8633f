import { Badge, Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { DateField } from '../../../app/admin';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/QueryError';
import { Empty, TableSkeleton, useConfirm } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { fieldErrors, notifyError, notifySuccess } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { SKM_ELEMENT_KEYS, type ElementKey } from '../../../../domain/ikm';
import { ACTION_STATUSES, type ActionStatus } from '../../../../domain/survey';
import { useActions, useCreateAction, useSurveyReport, useUpdateAction } from '../api';
import type { SurveyAction } from '../types';
import { Filters, useSurveyFilters } from './Filters';

/**
 * Rencana tindak lanjut of the chosen period: the weak elements of its results first, what is done
 * about each (what, who, by when) and its status; the report counts the completion.
 */
export default function ActionsView() {
  const { t } = useTranslation('survey');
  const f = useSurveyFilters();
  const siteId = f.scope.siteId ?? undefined;
  const actions = useActions(siteId, f.period);
  const report = useSurveyReport(siteId, { period: f.period, agencyId: f.query.agencyId }, !!siteId && (f.scope.siteWide || !!f.agencyId));
  const mine = (actions.data ?? []).filter((a) => (a.agencyId ?? '') === f.agencyId);
  const canManage = f.scope.manages(f.agencyId || null);
  return (
    <Stack gap="md">
      <Filters withService={false} />
      {actions.error ? <QueryError error={actions.error} /> : null}
      {report.data?.weakElements.length ? (
        <Text>
          {t('admin.weakHint')}{' '}
          {report.data.weakElements.map((k) => <Badge key={k} color="red" variant="light" mr={4}>{t(`el.${k}.label`)}</Badge>)}
        </Text>
      ) : null}
      {canManage && siteId && <NewAction key={`${f.agencyId}-${f.period}`} siteId={siteId} agencyId={f.agencyId || null} period={f.period} weak={report.data?.weakElements ?? []} />}
      {!actions.data ? <TableSkeleton /> : mine.length === 0 ? <Empty icon={<IconChecklist size={28} />} title={t('admin.noActions')} /> : <ActionTable siteId={siteId!} rows={mine} canManage={canManage} />}
    </Stack>
  );
}

function NewAction({ siteId, agencyId, period, weak }: { siteId: string; agencyId: string | null; period: string; weak: ElementKey[] }) {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const create = useCreateAction(siteId);
  const [element, setElement] = useState<ElementKey>(weak[0] ?? 'persyaratan');
  const [action, setAction] = useState('');
  const [responsible, setResponsible] = useState('');
  const [dueDate, setDueDate] = useState('');
  const errors = fieldErrors(create.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { agencyId, periodKey: period, element, action, responsible, dueDate },
      {
        onSuccess: () => {
          notifySuccess(t('admin.saved'));
          setAction('');
          setResponsible('');
          setDueDate('');
        },
        onError: (err) => notifyError(err),
      },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="survey-action-form">
      <Title order={3} size="h4" mb="xs">{t('admin.addAction')}</Title>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select label={t('admin.element')} data={SKM_ELEMENT_KEYS.map((k) => ({ value: k, label: `${t(`el.${k}.label`)}${weak.includes(k) ? ` · ${t('admin.weak')}` : ''}` }))} value={element} onChange={(v) => v && setElement(v as ElementKey)} allowDeselect={false} w={300} error={errors['element']} />
        <Textarea label={t('admin.actionText')} value={action} onChange={(e) => setAction(e.currentTarget.value)} required minLength={3} maxLength={1000} autosize minRows={1} w={360} error={errors['action']} />
        <TextInput label={t('admin.responsible')} value={responsible} onChange={(e) => setResponsible(e.currentTarget.value)} required maxLength={200} w={220} error={errors['responsible']} />
        <DateField label={t('admin.dueDate')} value={dueDate} onChange={setDueDate} required w={220} error={errors['dueDate']} />
      </Group>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={create.isPending}>{t('admin.save')}</Button>
      </Group>
    </Card>
  );
}

function ActionTable({ siteId, rows, canManage }: { siteId: string; rows: SurveyAction[]; canManage: boolean }) {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const update = useUpdateAction(siteId);
  const [dialog, confirm] = useConfirm();
  const setStatus = async (a: SurveyAction, status: ActionStatus) => {
    if (status === 'cancelled' && !(await confirm({ title: t('admin.cancelAction'), message: t('admin.confirmCancel'), confirmLabel: t('admin.cancelAction'), danger: true }))) return;
    update.mutate({ id: a.id, body: { status } }, { onSuccess: () => notifySuccess(t('admin.saved')), onError: (e) => notifyError(e) });
  };
  return (
    <Table.ScrollContainer minWidth={760}>
      {dialog}
      <Table striped data-testid="survey-actions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.element')}</Table.Th>
            <Table.Th>{t('admin.actionText')}</Table.Th>
            <Table.Th>{t('admin.responsible')}</Table.Th>
            <Table.Th>{t('admin.dueDate')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{t(`el.${a.element}.label`)}</Table.Td>
              <Table.Td>{a.action}</Table.Td>
              <Table.Td>{a.responsible}</Table.Td>
              <Table.Td>
                {formatDate(a.dueDate, lang, { day: 'numeric', month: 'short', year: 'numeric' })} {a.overdue && <Badge color="red" variant="light">{t('admin.overdue')}</Badge>}
              </Table.Td>
              <Table.Td>
                {canManage ? (
                  <Select
                    aria-label={t('admin.status')}
                    data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`admin.statuses.${s}`) }))}
                    value={a.status}
                    onChange={(v) => v && v !== a.status && void setStatus(a, v as ActionStatus)}
                    allowDeselect={false}
                    w={160}
                  />
                ) : (
                  t(`admin.statuses.${a.status}`)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

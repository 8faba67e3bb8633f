import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, TableSkeleton } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { useLang } from '../../../i18n';
import { fieldErrors, notifySuccess, problemMessage } from '../../../lib/errors';
import { useReportSettings, useSaveReportSettings } from '../api';
import { move, rowsOf, shownOf, type IndicatorRow } from './indicatorOrder';
import type { ReportsScope } from './scope';

/** The target wait and the monthly report's indicators (which, in which order); the site's managers change them. */
export default function SettingsView({ scope }: { scope: ReportsScope }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const siteId = scope.siteId!;
  const settings = useReportSettings(siteId);
  const save = useSaveReportSettings(siteId);
  const [target, setTarget] = useState<number | string>('');
  const [rows, setRows] = useState<IndicatorRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!settings.data) return;
    setTarget(settings.data.targetWaitMinutes);
    setRows(rowsOf(settings.data.indicators));
  }, [settings.data]);
  const editable = scope.manager;
  const errors = fieldErrors(save.error, lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rows) return;
    const indicators = shownOf(rows);
    if (!indicators.length) return setProblem(t('settings.atLeastOne'));
    setProblem(null);
    save.mutate({ targetWaitMinutes: Number(target), indicators }, { onSuccess: () => notifySuccess(t('settings.saved')) });
  };
  const general = save.error && !Object.keys(errors).length ? problemMessage(save.error, lang) : null;
  return (
    <Card withBorder component="form" onSubmit={submit} maw={720} data-testid="report-settings">
      <Title order={3} size="h4">{t('settings.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">{t('settings.intro')}</Text>
      {settings.error ? <QueryError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {!rows ? (
        settings.error ? null : <TableSkeleton rows={4} />
      ) : (
        <Stack gap="md">
          {!editable && <Text size="sm" c="orange.9">{t('settings.readOnly')}</Text>}
          <FormAlert message={problem ?? general} />
          <NumberInput label={t('settings.target')} description={t('settings.targetHint')} value={target} onChange={setTarget} min={1} max={480} allowDecimal={false} required readOnly={!editable} error={errors.targetWaitMinutes} w={260} data-testid="settings-target" />
          <div>
            <Text fw={500} size="sm">{t('settings.indicators')}</Text>
            <Text size="xs" c="dimmed" mb="xs">{t('settings.indicatorsHint')}</Text>
            {errors.indicators && <Text size="sm" c="red.8" role="alert">{errors.indicators}</Text>}
            <Table data-testid="settings-indicators">
              <Table.Tbody>
                {rows.map((r, i) => {
                  const name = t(`indicators.${r.key}`);
                  return (
                    <Table.Tr key={r.key} data-indicator={r.key}>
                      <Table.Td>
                        <Checkbox label={name} checked={r.on} disabled={!editable} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, on: e.currentTarget.checked } : x)))} />
                      </Table.Td>
                      <Table.Td w={90}>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon variant="subtle" aria-label={t('settings.up', { name })} disabled={!editable || i === 0} onClick={() => setRows(move(rows, i, -1))}><IconArrowUp size={16} /></ActionIcon>
                          <ActionIcon variant="subtle" aria-label={t('settings.down', { name })} disabled={!editable || i === rows.length - 1} onClick={() => setRows(move(rows, i, 1))}><IconArrowDown size={16} /></ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          {editable && (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="settings-save">{t('settings.save')}</Button>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}

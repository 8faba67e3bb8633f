import { Alert, Button, Card, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { notifySuccess, problemMessage } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import type { ImportProblem, ImportResult } from '../types';
import { P, useImportCatalog } from './api';
import { AdminHeader, useConfirm } from '../../../app/admin';
import { useLang } from '../../../i18n';
import { useCatalogScope } from './scope';

const SECTIONS = ['documentTypes', 'agencies', 'services', 'counters'] as const;
const MAX_BYTES = 10 * 1024 * 1024;

/** The per-row problems of a refused import (400 `catalog.import_invalid`), if that is what failed. */
function rowProblems(err: unknown): ImportProblem[] | null {
  if (!(err instanceof ApiError)) return null;
  const list = err.problem.errors;
  if (!Array.isArray(list)) return null;
  const rows = list.filter((e): e is ImportProblem => typeof e === 'object' && e !== null && 'sheet' in e && 'row' in e);
  return rows.length ? rows : null;
}

function Summary({ result }: { result: ImportResult }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  return (
    <Table withTableBorder maw={560} data-testid="import-summary">
      <Table.Caption>{result.dryRun ? t('transfer.summaryDry') : t('transfer.summaryDone')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('transfer.section')}</Table.Th>
          <Table.Th ta="right">{t('transfer.created')}</Table.Th>
          <Table.Th ta="right">{t('transfer.updated')}</Table.Th>
          <Table.Th ta="right">{t('transfer.unchanged')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {SECTIONS.map((k) => (
          <Table.Tr key={k}>
            <Table.Th scope="row" fw={500}>
              {t(`transfer.sections.${k}`)}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(result[k]?.created ?? 0, lang)}</Table.Td>
            <Table.Td ta="right">{formatNumber(result[k]?.updated ?? 0, lang)}</Table.Td>
            <Table.Td ta="right">{formatNumber(result[k]?.unchanged ?? 0, lang)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Problems({ rows }: { rows: ImportProblem[] }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const lang = useLang();
  return (
    <Stack gap="sm">
      <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title={t('transfer.problemsTitle', { count: rows.length })} data-testid="import-problems-alert">
        {t('transfer.problemsHint')}
      </Alert>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder verticalSpacing="xs" data-testid="import-problems">
          <Table.Caption>{t('transfer.problemsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('transfer.sheet')}</Table.Th>
              <Table.Th ta="right">{t('transfer.row')}</Table.Th>
              <Table.Th>{t('transfer.field')}</Table.Th>
              <Table.Th>{t('transfer.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{r.sheet || ta('common.none')}</Table.Td>
                <Table.Td ta="right">{r.row || ta('common.none')}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {r.field}
                  </Text>
                </Table.Td>
                <Table.Td>{r.messages?.[lang] || r.messages?.id || r.code}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Impor/Ekspor: the whole catalogue as JSON or XLSX; uploads are checked (dry run) before they are applied. */
export default function ImportExportPage() {
  const { t } = useTranslation('catalog');
  const scope = useCatalogScope();
  const siteId = scope.siteId as string;
  const run = useImportCatalog(siteId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [confirmNode, confirm] = useConfirm();

  const choose = (f: File | null) => {
    setFile(f);
    setChecked(null);
    setDone(null);
    run.reset();
    if (f && !/\.(xlsx|json)$/i.test(f.name)) setFileError(t('transfer.wrongType'));
    else if (f && f.size > MAX_BYTES) setFileError(t('transfer.tooBig'));
    else setFileError(null);
  };
  const check = () => {
    if (!file || fileError) return;
    setDone(null);
    run.mutate({ file, dryRun: true }, { onSuccess: setChecked });
  };
  const apply = async () => {
    if (!file || !checked) return;
    const ok = await confirm({ title: t('transfer.confirmTitle'), message: t('transfer.confirmMessage', { name: file.name }), confirmLabel: t('transfer.importNow') });
    if (!ok) return;
    run.mutate(
      { file, dryRun: false },
      {
        onSuccess: (r) => {
          setDone(r);
          setChecked(null);
          notifySuccess(t('transfer.imported'));
        },
      },
    );
  };

  const problems = rowProblems(run.error);
  const otherError = run.error && !problems ? problemMessage(run.error) : null;

  return (
    <Stack gap="md">
      {confirmNode}
      <AdminHeader title={t('tabs.transfer')} description={t('transfer.intro')} />

      <Card withBorder padding="lg" component="section" aria-labelledby="export-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="export-title">
            {t('transfer.exportTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('transfer.exportHint')}
          </Text>
          <Group gap="sm">
            <Button component="a" href={P.exportFile(siteId, 'xlsx')} download leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />} data-testid="export-xlsx">
              {t('transfer.downloadXlsx')}
            </Button>
            <Button component="a" href={P.exportFile(siteId, 'json')} download variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />} data-testid="export-json">
              {t('transfer.downloadJson')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="import-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="import-title">
            {t('transfer.importTitle')}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('transfer.rule1')}</List.Item>
            <List.Item>{t('transfer.rule2')}</List.Item>
            <List.Item>{t('transfer.rule3')}</List.Item>
          </List>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FileInput
              label={t('transfer.file')}
              placeholder={t('transfer.filePlaceholder')}
              accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={choose}
              error={fileError}
              clearable
              w={{ base: '100%', sm: 360 }}
              leftSection={<IconUpload size={16} aria-hidden="true" />}
              data-testid="import-file"
            />
            <Button onClick={check} disabled={!file || !!fileError} loading={run.isPending && run.variables?.dryRun} data-testid="import-check">
              {t('transfer.check')}
            </Button>
          </Group>

          <div aria-live="polite">
            {otherError && (
              <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title={t('transfer.failed')}>
                {otherError}
              </Alert>
            )}
            {problems && <Problems rows={problems} />}
            {checked && !run.isError && (
              <Stack gap="sm">
                <Alert color="green" icon={<IconCheck aria-hidden="true" />} title={t('transfer.checkedTitle')} data-testid="import-checked">
                  {t('transfer.checkedHint')}
                </Alert>
                <Summary result={checked} />
                <Group>
                  <Button onClick={() => void apply()} loading={run.isPending && run.variables?.dryRun === false} data-testid="import-apply">
                    {t('transfer.importNow')}
                  </Button>
                </Group>
              </Stack>
            )}
            {done && (
              <Stack gap="sm">
                <Alert color="green" icon={<IconCheck aria-hidden="true" />} title={t('transfer.imported')} />
                <Summary result={done} />
              </Stack>
            )}
          </div>
        </Stack>
      </Card>
    </Stack>
  );
}

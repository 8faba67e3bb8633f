import { Alert, Button, Grid, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdminHeader } from '../../../app/admin';
import { QueryError } from '../../../app/QueryError';
import { notifyError } from '../../../lib/errors';
import { zoneLabel } from '../../../lib/format';
import { download, P, useProvinces, useProvinceView } from '../api';
import { NS } from '../i18n';
import { OperatingTable } from './OperatingTable';
import { ProvinceMap } from './ProvinceMap';
import { StageTable } from './StageTable';

/** Kalimantan Timur unless the address names another province (?province=64). */
const DEFAULT_PROVINCE = '64';

/**
 * The province dashboard (platform admins; auditors read): the schematic map coloured by stage,
 * the table of every kabupaten/kota with its next planned step, the operating MPPs side by side,
 * and the export for the ministry.
 */
export default function Dashboard() {
  const { t } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const code = /^\d{2}$/.test(params.get('province') ?? '') ? params.get('province')! : DEFAULT_PROVINCE;
  const provinces = useProvinces();
  const view = useProvinceView(code);
  const province = provinces.data?.find((p) => p.code === code);
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);

  const doExport = async (format: 'xlsx' | 'pdf') => {
    setExporting(format);
    try {
      await download(P.export(code, format), `mpp-provinsi-${code}.${format}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(null);
    }
  };

  return (
    <Stack gap="lg">
      <AdminHeader
        title={t('dashboard.title')}
        description={t('dashboard.intro', { zone: zoneLabel(province?.timeZone ?? 'Asia/Makassar') })}
        actions={
          <Group gap="xs" role="group" aria-label={t('dashboard.export.label')}>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />} loading={exporting === 'xlsx'} onClick={() => void doExport('xlsx')} data-testid="province-export-xlsx">
              {t('dashboard.export.xlsx')}
            </Button>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />} loading={exporting === 'pdf'} onClick={() => void doExport('pdf')} data-testid="province-export-pdf">
              {t('dashboard.export.pdf')}
            </Button>
          </Group>
        }
      />
      <Select
        label={t('dashboard.province')}
        data={(provinces.data ?? []).map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))}
        value={code}
        onChange={(v) => v && setParams({ province: v }, { replace: true })}
        searchable
        allowDeselect={false}
        maw={420}
        nothingFoundMessage="–"
        data-testid="province-select"
      />
      {view.isPending ? (
        <Skeleton h={420} radius="md" />
      ) : view.isError ? (
        <QueryError error={view.error} onRetry={() => void view.refetch()} />
      ) : view.data.length === 0 ? (
        <Alert color="gray">{t('dashboard.empty')}</Alert>
      ) : (
        <>
          <Grid gap="lg">
            {/* Side by side only where the table fits beside the map without scrolling. */}
            <Grid.Col span={{ base: 12, xl: 5 }}>
              <ProvinceMap provinceCode={code} rows={view.data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xl: 7 }}>
              <StageTable rows={view.data} />
            </Grid.Col>
          </Grid>
          <OperatingTable rows={view.data} />
          <Text size="xs" c="dimmed">
            {t('dashboard.national')}
          </Text>
        </>
      )}
    </Stack>
  );
}

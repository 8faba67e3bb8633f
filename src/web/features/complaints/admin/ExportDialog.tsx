import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInZone } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/errors';
import { useSites } from '../../catalog/api';
import { downloadExport } from '../api';
import '../i18n';

/**
 * The SP4N-LAPOR! export (docs/complaints.md): complaints filed in a date range, as the
 * documented JSON or as CSV. The server leaves out what the caller may not see.
 */
export function ExportDialog({ siteId, opened, onClose }: { siteId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('complaints');
  const sites = useSites();
  const zone = sites.data?.find((s) => s.id === siteId)?.timeZone ?? 'Asia/Jakarta';
  const today = dateInZone(new Date(), zone);
  const [from, setFrom] = useState(() => DateTime.fromISO(today).minus({ months: 1 }).startOf('month').toISODate()!);
  const [to, setTo] = useState(today);
  const [format, setFormat] = useState<'lapor' | 'csv'>('lapor');
  const [busy, setBusy] = useState(false);
  const go = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await downloadExport(siteId, { from, to, format });
      notifySuccess(t('admin.exportDialog.done'));
      onClose();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.exportDialog.title')} centered>
      <form onSubmit={go}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('admin.exportDialog.intro')}
          </Text>
          <Group grow>
            <TextInput type="date" label={t('admin.exportDialog.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required data-testid="export-from" />
            <TextInput type="date" label={t('admin.exportDialog.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} required data-testid="export-to" />
          </Group>
          <Radio.Group label={t('admin.exportDialog.format')} value={format} onChange={(v) => setFormat(v as 'lapor' | 'csv')}>
            <Group gap="md" mt={4}>
              <Radio value="lapor" label={t('admin.exportDialog.lapor')} />
              <Radio value="csv" label={t('admin.exportDialog.csv')} />
            </Group>
          </Radio.Group>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="export-download">
              {t('admin.exportDialog.download')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

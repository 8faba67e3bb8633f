import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import type { ApplicationDetail } from '../types';
import { PAPERS, PrintReceipt, ReceiptSheet, trackingUrlOf, useTrackingQr, type Paper } from './Receipt';

const PAPER_KEY = 'loket.receiptPaper';
const savedPaper = (): Paper => {
  try {
    const v = localStorage.getItem(PAPER_KEY);
    return PAPERS.includes(v as Paper) ? (v as Paper) : '80';
  } catch {
    return '80';
  }
};

/** The receipt's preview, the paper size (remembered on this computer) and the print button. */
export function ReceiptPanel({ a, onClose }: { a: ApplicationDetail; onClose?: () => void }) {
  const { t } = useTranslation('applications');
  const lang = useLang();
  const [paper, setPaper] = useState<Paper>(savedPaper);
  const qr = useTrackingQr(trackingUrlOf(a));
  const choose = (p: string) => {
    setPaper(p as Paper);
    try {
      localStorage.setItem(PAPER_KEY, p);
    } catch {
      // Not remembered in private mode.
    }
  };
  return (
    <Stack gap="md" data-testid="receipt">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="receipt-paper-label">
            {t('receipt.paper')}
          </Text>
          <SegmentedControl
            aria-labelledby="receipt-paper-label"
            value={paper}
            onChange={choose}
            data={PAPERS.map((p) => ({ value: p, label: p === 'a4' ? t('receipt.a4') : `${p} mm` }))}
          />
        </Stack>
        <Group gap="xs">
          {onClose && (
            <Button variant="default" onClick={onClose} data-testid="receipt-close">
              {t('receipt.close')}
            </Button>
          )}
          <Button leftSection={<IconPrinter size={18} aria-hidden="true" />} onClick={() => window.print()} data-testid="receipt-print">
            {t('receipt.print')}
          </Button>
        </Group>
      </Group>
      <section aria-label={t('receipt.preview')} style={{ overflowX: 'auto', background: 'var(--mantine-color-gray-1)', padding: 12, borderRadius: 4 }}>
        <ReceiptSheet a={a} paper={paper} qr={qr} lang={lang} preview />
      </section>
      <PrintReceipt a={a} paper={paper} qr={qr} lang={lang} />
    </Stack>
  );
}

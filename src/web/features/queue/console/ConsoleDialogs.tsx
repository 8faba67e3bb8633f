import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../types';

/* The counter's two confirmations: a no-show, and a transfer to another service. */

export function NoShowDialog({ ticket, onClose, onConfirm }: { ticket: TicketView | null; onClose: () => void; onConfirm: (t: TicketView) => void }) {
  const { t } = useTranslation('queue');
  return (
    <Modal opened={!!ticket} onClose={onClose} title={t('console.noShow')} centered>
      <Stack>
        <Text>{t('console.noShowConfirm', { number: ticket?.number ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            data-autofocus
            onClick={() => {
              if (ticket) onConfirm(ticket);
              onClose();
            }}
            data-testid="console-no-show-confirm"
          >
            {t('console.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Grouped = Array<{ group: string; items: Array<{ value: string; label: string }> }>;

/** Services as select options grouped under their agency. */
export function groupByAgency(list: Array<{ id: string; name: string; agency: { name: string } }>): Grouped {
  const m = new Map<string, Grouped[number]>();
  for (const s of list) {
    let g = m.get(s.agency.name);
    if (!g) m.set(s.agency.name, (g = { group: s.agency.name, items: [] }));
    g.items.push({ value: s.id, label: s.name });
  }
  return [...m.values()];
}

export function TransferDialog(props: { ticket: TicketView | null; services: Grouped; onClose: () => void; onTransfer: (serviceId: string) => void }) {
  const { t } = useTranslation('queue');
  const [serviceId, setServiceId] = useState<string | null>(null);
  useEffect(() => setServiceId(null), [props.ticket?.id]);
  return (
    <Modal opened={!!props.ticket} onClose={props.onClose} title={t('console.transferTitle', { number: props.ticket?.number ?? '' })} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('console.transferHint')}
        </Text>
        <Select label={t('console.transferService')} data={props.services} value={serviceId} onChange={setServiceId} searchable data-autofocus data-testid="console-transfer-service" comboboxProps={{ withinPortal: true }} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!serviceId} onClick={() => serviceId && props.onTransfer(serviceId)} data-testid="console-transfer-do">
            {t('console.transferDo')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

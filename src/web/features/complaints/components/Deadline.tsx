import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import '../i18n';
import type { ComplaintItem } from '../types';

/** The open step's deadline: its date and the working days left, red once it has passed (with "eskalasi" once escalated). */
export function Deadline({ c }: { c: Pick<ComplaintItem, 'status' | 'verifyBy' | 'respondBy' | 'workingDaysLeft' | 'overdue' | 'escalated'> }) {
  const { t } = useTranslation('complaints');
  const lang = useLang();
  const due = c.status === 'submitted' ? c.verifyBy : c.status === 'verified' ? c.respondBy : null;
  if (!due || c.workingDaysLeft === null) return <Text size="sm" c="dimmed">{t('none')}</Text>;
  const left = c.workingDaysLeft;
  const late = c.overdue !== null;
  return (
    <Stack gap={2} data-testid="complaint-deadline" data-overdue={late ? c.overdue : undefined}>
      <Text size="sm">{formatDate(due, lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}</Text>
      <Group gap={4}>
        {late ? (
          <Badge color="red" variant="filled" size="sm" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />} styles={{ label: { overflow: 'visible' } }}>
            {t('deadline.late', { count: Math.max(1, -left) })}
          </Badge>
        ) : (
          <Text size="xs" c={left <= 1 ? 'orange.8' : 'dimmed'} fw={left <= 1 ? 600 : undefined}>
            {left === 0 ? t('deadline.today') : t('deadline.left', { count: left })}
          </Text>
        )}
        {c.escalated && (
          <Badge color="red" variant="outline" size="sm">
            {t('admin.escalated')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

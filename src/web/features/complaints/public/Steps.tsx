import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import type { ComplaintStatus } from '../types';

const ORDER = ['submitted', 'verified', 'responded', 'closed'] as const;

/**
 * Where the complaint is on its way: received, verified, responded, closed. A plain ordered list
 * (the current step marked for screen readers); not shown once forwarded outside.
 */
export function Steps({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation('complaints');
  if (status === 'not_authority') return null;
  const at = ORDER.indexOf(status);
  return (
    <Group component="ol" gap="xs" wrap="wrap" aria-label={t('track.steps')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {ORDER.map((s, i) => {
        const reached = i <= at;
        return (
          <Group component="li" key={s} gap={6} wrap="nowrap" aria-current={i === at ? 'step' : undefined} data-reached={reached}>
            <ThemeIcon size="sm" radius="xl" color={reached ? 'teal' : 'gray'} variant={reached ? 'filled' : 'light'} aria-hidden="true">
              {reached ? <IconCheck size={12} /> : <span style={{ fontSize: 10 }}>{i + 1}</span>}
            </ThemeIcon>
            <Text size="sm" fw={i === at ? 700 : 400} c={reached ? undefined : 'dimmed'}>
              {t(`track.step.${s}`)}
            </Text>
            {i < ORDER.length - 1 && (
              <Text c="dimmed" aria-hidden="true">
                ›
              </Text>
            )}
          </Group>
        );
      })}
    </Group>
  );
}

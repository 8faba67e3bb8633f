import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../domain/applications';
import type { Lang } from '../../lib/api';
import { formatDate } from '../../lib/format';
import './i18n';

const COLORS: Record<ApplicationStatus, string> = {
  submitted: 'gray',
  received: 'blue',
  in_process: 'indigo',
  incomplete: 'orange',
  ready: 'teal',
  collected: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

/**
 * Text colours dark enough for WCAG AA (4.5:1) on white and on their own light tint: Mantine's
 * orange and green, even at shade 9, are not.
 */
export const INK = { gray: '#343a40', blue: '#1864ab', indigo: '#364fc7', orange: '#9c3609', teal: '#06694b', green: '#1f6b30', red: '#a61e1e', yellow: '#7a5300' } as const;

export function StatusBadge({ status, size = 'md' }: { status: ApplicationStatus; size?: 'md' | 'lg' }) {
  const { t } = useTranslation('applications');
  return (
    <Badge color={COLORS[status]} variant="light" size={size} styles={{ label: { overflow: 'visible', color: INK[COLORS[status] as keyof typeof INK] } }} data-testid="application-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

interface DeadlineLike {
  dueDate: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  paused: boolean;
}

/** "Sisa 3 hari kerja", "Jatuh tempo hari ini", "Terlambat 2 hari kerja", or the stopped clock. */
export function useDeadlineText() {
  const { t } = useTranslation('applications');
  return (d: DeadlineLike): string | null => {
    if (d.paused) return t('deadline.paused');
    if (d.workingDaysLeft === null) return null;
    if (d.workingDaysLeft === 0) return t('deadline.dueToday');
    return d.workingDaysLeft > 0 ? t('deadline.left', { count: d.workingDaysLeft }) : t('deadline.late', { count: -d.workingDaysLeft });
  };
}

/** The due date and how it stands today. */
export function Deadline({ d, lang }: { d: DeadlineLike; lang: Lang }) {
  const { t } = useTranslation('applications');
  const text = useDeadlineText()(d);
  if (!d.dueDate) return <Text size="sm" c="dimmed">{t('deadline.none')}</Text>;
  return (
    <div>
      <Text size="sm" fw={600}>
        {formatDate(d.dueDate, lang, { day: 'numeric', month: 'short', year: 'numeric' })}
      </Text>
      {text && (
        <Text size="xs" c={d.overdue ? INK.red : d.paused ? INK.orange : 'dimmed'} fw={d.overdue ? 700 : undefined}>
          {text}
        </Text>
      )}
    </div>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../i18n';
import type { ComplaintStatus } from '../types';

const COLOR: Record<ComplaintStatus, string> = { submitted: 'orange', verified: 'blue', not_authority: 'gray', responded: 'teal', closed: 'green' };

/** A complaint's status in the words of the reporter and the desk. */
export function StatusBadge({ status, testId }: { status: ComplaintStatus; testId?: string }) {
  const { t } = useTranslation('complaints');
  return (
    <Badge color={COLOR[status]} variant="light" styles={{ label: { overflow: 'visible' } }} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../i18n';
import type { DocumentStatus } from '../types';

const COLOR: Record<DocumentStatus, string> = { uploaded: 'blue', verified: 'teal', issued: 'teal', rejected: 'red' };

/** A document's status as a badge: uploaded, verified, issued, rejected. */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation('citizens');
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="document-status" data-status={status}>
      {t(`wallet.status.${status}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../i18n';
import type { DocumentStatus } from '../types';

// Dark shades: the light variant's text keeps WCAG AA contrast on its tinted background.
const COLOR: Record<DocumentStatus, string> = { uploaded: 'blue.9', verified: 'teal.9', issued: 'teal.9', rejected: 'red.9' };

/** A document's status as a badge: uploaded, verified, issued, rejected. */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation('citizens');
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="document-status" data-status={status}>
      {t(`wallet.status.${status}`)}
    </Badge>
  );
}

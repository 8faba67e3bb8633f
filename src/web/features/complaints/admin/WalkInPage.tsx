import { Anchor, Button, Card, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInvalidate } from '../api';
import { PageHeader } from '../components/PageHeader';
import '../i18n';
import { ComplaintForm } from '../public/ComplaintForm';
import { Receipt } from '../public/Receipt';
import type { Filed } from '../types';
import { useComplaintsScope } from './scope';

/**
 * `/admin/complaints/new`: an officer files for a citizen at the front desk. The same form as the
 * public one; the staff session makes the server record it as a walk-in (channel "desk", audited,
 * not throttled). The citizen takes the tracking code (or its QR) home.
 */
export default function WalkInPage() {
  const { t } = useTranslation('complaints');
  const scope = useComplaintsScope();
  const invalidate = useInvalidate();
  const [done, setDone] = useState<{ filed: Filed; files: File[]; anonymous: boolean } | null>(null);
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to=".." relative="path" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden="true" />
          {t('detail.back')}
        </Group>
      </Anchor>
      <PageHeader title={t('form.walkInTitle')} description={t('form.walkInIntro')} />
      {done ? (
        <Receipt
          filed={done.filed}
          files={done.files}
          anonymous={done.anonymous}
          actions={
            <>
              <Button component={Link} to={`../${done.filed.id}`} relative="path" variant="light" data-testid="complaint-open-filed">
                {t('receipt.backToBoard')}
              </Button>
              <Button variant="default" onClick={() => setDone(null)}>
                {t('receipt.another')}
              </Button>
            </>
          }
        />
      ) : (
        <Card withBorder padding="lg">
          <ComplaintForm siteId={scope.siteId as string} prefill={{}} source="web" walkIn onFiled={(filed, files, anonymous) => { void invalidate(); setDone({ filed, files, anonymous }); }} />
        </Card>
      )}
    </Stack>
  );
}

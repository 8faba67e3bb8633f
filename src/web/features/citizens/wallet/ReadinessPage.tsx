import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../../app/usePageTitle';
import '../i18n';
import ReadinessCard from './ReadinessCard';

/** /akun/siap/:serviceId: the readiness of one service, linked from the service page and the booking. */
export default function ReadinessPage() {
  const { t } = useTranslation('citizens');
  usePageTitle(t('readiness.title'));
  const { serviceId = '' } = useParams();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('readiness.title')}
      </Title>
      <ReadinessCard serviceId={serviceId} withTitle={false} />
    </Stack>
  );
}

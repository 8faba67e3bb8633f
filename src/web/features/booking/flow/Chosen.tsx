import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n';
import type { BookableService } from '../types';

/* What the citizen chose so far, shown above the next step with a way to change it. */

export function ChosenService({ service, onChange }: { service: BookableService; onChange: () => void }) {
  const { t } = useTranslation(NS);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} miw={0}>
          <Text fw={600} data-testid="booking-chosen-service">
            {service.name}
          </Text>
          <Text size="sm" c="dimmed">
            {service.agency.name}
          </Text>
        </Stack>
        <Button variant="subtle" size="compact-sm" onClick={onChange} style={{ flex: 'none' }}>
          {t('common.change')}
        </Button>
      </Group>
    </Card>
  );
}

/** The chosen service and slot above the form, with why that slot can no longer be had. */
export function ChosenSlot({ service, when, problem, onChange }: { service: BookableService; when: string; problem: string | null; onChange: () => void }) {
  const { t } = useTranslation(NS);
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('flow.form.summary')}
        </Text>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Text fw={600}>{service.name}</Text>
            <Text size="sm" c="dimmed">
              {service.agency.name}
            </Text>
            <Group gap={6} wrap="nowrap">
              <IconCalendarEvent size={16} aria-hidden="true" style={{ flex: 'none' }} />
              <Text size="sm" fw={500} data-testid="booking-chosen-slot">
                {when}
              </Text>
            </Group>
          </Stack>
          <Button variant="subtle" size="compact-sm" onClick={onChange} style={{ flex: 'none' }}>
            {t('common.change')}
          </Button>
        </Group>
        {problem && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />} data-testid="booking-slot-error">
            <Stack gap={6} align="flex-start">
              <Text size="sm">{problem}</Text>
              <Button size="xs" variant="light" color="red" onClick={onChange} leftSection={<IconArrowLeft size={14} aria-hidden="true" />}>
                {t('flow.steps.slot')}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

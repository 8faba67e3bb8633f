import { Alert, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconBuildingCommunity, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rankByQuery } from '../../../../domain/search';
import classes from '../booking.module.css';
import { NS } from '../i18n';
import type { BookableService } from '../types';

/** The bookable services of the MPP, searched the forgiving way the catalogue is (src/domain/search). */
export function ServiceStep({ services, onPick }: { services: BookableService[]; onPick: (s: BookableService) => void }) {
  const { t } = useTranslation(NS);
  const [q, setQ] = useState('');
  const shown = useMemo(
    () =>
      rankByQuery(services, q, (s) => [
        { text: s.name, weight: 3 },
        { text: s.code, weight: 2 },
        { text: s.keywords ?? [], weight: 2 },
        { text: [s.agency.name, s.agency.shortName ?? ''], weight: 1 },
        { text: s.description ?? '', weight: 0.5 },
      ]),
    [services, q],
  );
  if (services.length === 0) {
    return (
      <Alert color="gray" icon={<IconBuildingCommunity aria-hidden="true" />}>
        {t('flow.service.none')}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <TextInput
        label={t('flow.service.search')}
        placeholder={t('flow.service.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        type="search"
        data-testid="booking-service-search"
        autoComplete="off"
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown.length === 0 ? t('flow.service.noMatch', { q: q.trim() }) : t('flow.service.count', { count: shown.length })}
      </Text>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="booking-services">
        {shown.map((s) => (
          <li key={s.id}>
            <button type="button" className={classes.choice} onClick={() => onPick(s)} data-service-code={s.code}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={2} miw={0}>
                  <Text fw={600}>{s.name}</Text>
                  <Text size="sm" c="dimmed">
                    {s.agency.name}
                  </Text>
                  {!!s.handlingMinutes && (
                    <Text size="xs" c="dimmed">
                      {t('flow.service.handling', { minutes: s.handlingMinutes })}
                    </Text>
                  )}
                </Stack>
                <IconChevronRight size={20} aria-hidden="true" style={{ flex: 'none' }} />
              </Group>
            </button>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

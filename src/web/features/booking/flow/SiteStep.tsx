import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoneLabel } from '../../../lib/format';
import classes from '../booking.module.css';
import { StepHeader } from '../components/StepHeader';
import { NS } from '../i18n';
import type { PublicSite } from '../types';

/** Step 1 when the platform runs several MPPs: which one. */
export function SiteStep({ sites }: { sites: PublicSite[] }) {
  const { t } = useTranslation(NS);
  return (
    <Stack gap="md">
      <StepHeader step={1} total={4} title={t('flow.steps.site')} />
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sites.map((s) => (
          <li key={s.id}>
            <Link to={`/booking/${encodeURIComponent(s.slug)}`} className={classes.choice}>
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Text fw={600}>{s.name}</Text>
                  <Group gap={6}>
                    <Badge variant="light" color="gray" size="sm">
                      {zoneLabel(s.timeZone)}
                    </Badge>
                    {s.status === 'trial' && (
                      <Badge variant="light" color="yellow" size="sm">
                        {t('flow.site.trial')}
                      </Badge>
                    )}
                  </Group>
                </Stack>
                <IconChevronRight size={20} aria-hidden="true" />
              </Group>
            </Link>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

import { Badge, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import type { FloorView } from '../types';
import { STATE_COLOR, STATES } from './states';

/** The floor in one line: counters per state, people waiting, tickets over target; and the agency filter. */
export function FloorSummary({ floor, agencyId, onAgency }: { floor: FloorView; agencyId: string | null; onAgency: (id: string | null) => void }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const agencies = [...new Map(floor.counters.map((c) => [c.agency.id, c.agency.shortName ?? c.agency.name])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'id'));
  const counters = floor.counters.filter((c) => !agencyId || c.agency.id === agencyId);
  const services = floor.services.filter((s) => !agencyId || s.agency.id === agencyId);
  const waiting = services.reduce((n, s) => n + s.waiting, 0);
  const over = services.reduce((n, s) => n + s.overTarget, 0);
  return (
    <Group justify="space-between" align="flex-end" gap="sm" data-testid="floor-summary">
      <Group gap="xs">
        {STATES.map((s) => (
          <Badge key={s} size="lg" variant="light" color={STATE_COLOR[s]}>
            {t(`floor.state.${s}`)}: {formatNumber(counters.filter((c) => c.state === s).length, lang)}
          </Badge>
        ))}
        <Badge size="lg" variant="light" color="indigo">
          {t('floor.waiting')}: {formatNumber(waiting, lang)}
        </Badge>
        <Badge size="lg" variant={over ? 'filled' : 'light'} color={over ? 'red' : 'gray'} data-testid="floor-summary-over">
          {t('floor.overTarget')}: {formatNumber(over, lang)}
        </Badge>
      </Group>
      {agencies.length > 1 && (
        <Select
          label={t('floor.agency')}
          placeholder={t('floor.allAgencies')}
          data={agencies.map(([value, label]) => ({ value, label }))}
          value={agencyId}
          onChange={onAgency}
          clearable
          searchable
          w={260}
          data-testid="floor-agency"
        />
      )}
    </Group>
  );
}

import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../../i18n/texts';
import { currentLang } from '../../../i18n';
import { dateInZone, formatHm, hmInZone, zonedParts } from '../../../lib/format';
import type { OpenState } from '../types';

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * "Buka · sampai 15.00 WITA" or "Tutup · buka lagi Kamis 08.00 WITA", from the server's openNow /
 * nextOpening (computed in the site's zone; the browser's clock and zone play no part).
 */
export function openStatusText(state: OpenState, timeZone: string, t: Translate<'open.open' | 'open.closed' | 'open.until' | 'open.againToday' | 'open.againOn'>): { open: boolean; label: string; detail: string | null } {
  const lang = currentLang();
  const today = state.today;
  if (state.openNow) {
    // When open, nextOpening is "now": find the range we are in to say until when.
    let detail: string | null = null;
    if (state.nextOpening && today) {
      const now = hmInZone(state.nextOpening, timeZone);
      const range = today.ranges.find((r) => r.start <= now && now < r.end);
      if (range) detail = t('open.until', { time: formatHm(range.end, lang), zone: zonedParts(state.nextOpening, timeZone, lang).zone });
    }
    return { open: true, label: t('open.open'), detail };
  }
  const reason = today?.closed?.name;
  if (!state.nextOpening) return { open: false, label: t('open.closed'), detail: reason ?? null };
  const p = zonedParts(state.nextOpening, timeZone, lang);
  const date = dateInZone(state.nextOpening, timeZone);
  let when: string;
  if (today && date === today.date) when = t('open.againToday', { time: p.time, zone: p.zone });
  else if (today && daysBetween(today.date, date) > 6) when = t('open.againOn', { day: `${p.day}, ${p.date}`, time: p.time, zone: p.zone });
  else when = t('open.againOn', { day: p.day, time: p.time, zone: p.zone });
  return { open: false, label: t('open.closed'), detail: reason ? `${when} (${reason})` : when };
}

/** A badge "Buka" / "Tutup" with the detail beside it; announced as one phrase. */
export function OpenStatus({ state, timeZone, size = 'sm' }: { state: OpenState; timeZone: string; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation('catalog');
  const s = openStatusText(state, timeZone, t);
  return (
    <Group gap={6} wrap="wrap" data-testid="open-status" data-open={s.open}>
      <Badge color={s.open ? 'green.9' : 'gray'} variant={s.open ? 'filled' : 'light'} size={size === 'xs' ? 'sm' : 'md'} radius="sm">
        {s.label}
      </Badge>
      {s.detail && (
        <Text size={size} c="dimmed" span>
          <span aria-hidden="true">· </span>
          {s.detail}
        </Text>
      )}
    </Group>
  );
}

import { ActionIcon, Button, Fieldset, Group, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseHoursText, validateWeeklyHours } from '../../../../domain/hours-text';
import { currentLang, useLang } from '../../../i18n';
import { weekdayNames } from '../../../lib/format';
import { DAY_KEYS, type DayKey, type TimeRange, type WeeklyHours } from '../types';

/** Problems of weekly hours keyed like the server's field paths under `prefix` (e.g. `hours.3.1.end`). */
export function hoursErrors(hours: WeeklyHours, prefix: string): Record<string, string> {
  const lang = currentLang();
  const out: Record<string, string> = {};
  for (const p of validateWeeklyHours(hours as Record<string, TimeRange[]>)) {
    const key = p.path ? `${prefix}.${p.path}` : prefix;
    out[key] ??= p.messages[lang];
  }
  return out;
}

/** Days in order, empty days dropped (what the server stores). */
export function cleanHours(hours: WeeklyHours): WeeklyHours {
  const out: WeeklyHours = {};
  for (const d of DAY_KEYS) if (hours[d]?.length) out[d] = hours[d]!.map((r) => ({ start: r.start, end: r.end }));
  return out;
}

/**
 * Opening hours per weekday, several ranges a day (a lunch break is two ranges). Each time is a
 * native time field (keyboard and screen-reader friendly). Errors come keyed by path below
 * `prefix`: `hours.3` (a day), `hours.3.1` (a range), `hours.3.1.end` (a time).
 */
export function HoursEditor({ value, onChange, errors, prefix = 'hours', legend, description }: { value: WeeklyHours; onChange: (h: WeeklyHours) => void; errors: Record<string, string>; prefix?: string; legend: string; description?: string }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const names = weekdayNames(lang);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);

  const setDay = (d: DayKey, ranges: TimeRange[]) => onChange({ ...value, [d]: ranges });
  const setRange = (d: DayKey, i: number, patch: Partial<TimeRange>) => setDay(d, (value[d] ?? []).map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const addRange = (d: DayKey) => {
    const list = value[d] ?? [];
    const last = list[list.length - 1];
    setDay(d, [...list, last ? { start: last.end < '23:00' ? last.end : '13:00', end: last.end < '16:00' ? '16:00' : '24:00' } : { start: '08:00', end: '16:00' }]);
  };
  const toggle = (d: DayKey, open: boolean) => {
    if (!open) return setDay(d, []);
    // Opening a day copies the nearest earlier open day (most MPP days look alike).
    const idx = DAY_KEYS.indexOf(d);
    for (let k = idx - 1; k >= 0; k--) {
      const prev = value[DAY_KEYS[k]];
      if (prev?.length) return setDay(d, prev.map((r) => ({ ...r })));
    }
    setDay(d, [{ start: '08:00', end: '16:00' }]);
  };
  const copyMonday = () => {
    const mon = value['1'] ?? [];
    const next: WeeklyHours = { ...value };
    for (const d of ['2', '3', '4', '5'] as DayKey[]) next[d] = mon.map((r) => ({ ...r }));
    onChange(next);
  };
  const applyText = () => {
    const r = parseHoursText(text);
    if (r.problems.length) {
      setTextError(r.problems.map((p) => p.messages[lang]).join(' '));
      return;
    }
    setTextError(null);
    onChange(r.hours as WeeklyHours);
    setText('');
  };

  const whole = errors[prefix];
  return (
    <Fieldset legend={legend} data-testid="hours-editor">
      <Stack gap="sm">
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {whole && (
          <Text c="red" size="sm" role="alert">
            {whole}
          </Text>
        )}
        {DAY_KEYS.map((d, di) => {
          const ranges = value[d] ?? [];
          const open = ranges.length > 0;
          const dayErr = errors[`${prefix}.${d}`];
          return (
            <Group key={d} align="flex-start" gap="sm" wrap="nowrap" role="group" aria-label={names[di]} data-testid={`hours-day-${d}`}>
              <Switch
                w={130}
                mt={6}
                checked={open}
                onChange={(e) => toggle(d, e.currentTarget.checked)}
                label={names[di]}
                aria-describedby={open ? undefined : `hours-${prefix}-${d}-state`}
                styles={{ label: { fontWeight: 500 } }}
              />
              <Stack gap={6} flex={1}>
                {!open && (
                  <Text id={`hours-${prefix}-${d}-state`} c="dimmed" size="sm" mt={6}>
                    {t('hours.closed')}
                  </Text>
                )}
                {ranges.map((r, i) => {
                  const rangeErr = errors[`${prefix}.${d}.${i}`];
                  const startErr = errors[`${prefix}.${d}.${i}.start`];
                  const endErr = errors[`${prefix}.${d}.${i}.end`];
                  return (
                    <Stack key={i} gap={2}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <TextInput
                          type="time"
                          size="sm"
                          w={136}
                          aria-label={t('hours.startOf', { day: names[di], n: i + 1 })}
                          value={r.start}
                          onChange={(e) => setRange(d, i, { start: e.currentTarget.value })}
                          error={startErr || !!rangeErr}
                          required
                        />
                        <Text mt={6} aria-hidden="true">
                          –
                        </Text>
                        <TextInput
                          type="time"
                          size="sm"
                          w={136}
                          aria-label={t('hours.endOf', { day: names[di], n: i + 1 })}
                          value={r.end === '24:00' ? '23:59' : r.end}
                          onChange={(e) => setRange(d, i, { end: e.currentTarget.value })}
                          error={endErr || !!rangeErr}
                          required
                        />
                        <Tooltip label={t('hours.removeRange')}>
                          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => setDay(d, ranges.filter((_, k) => k !== i))} aria-label={t('hours.removeRangeOf', { day: names[di], n: i + 1 })}>
                            <IconTrash size={16} aria-hidden="true" />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                      {rangeErr && (
                        <Text c="red" size="xs">
                          {rangeErr}
                        </Text>
                      )}
                    </Stack>
                  );
                })}
                {open && (
                  <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => addRange(d)} w="fit-content" aria-label={t('hours.addRangeTo', { day: names[di] })}>
                    {t('hours.addRange')}
                  </Button>
                )}
                {dayErr && (
                  <Text c="red" size="xs">
                    {dayErr}
                  </Text>
                )}
              </Stack>
            </Group>
          );
        })}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Button variant="default" size="xs" leftSection={<IconCopy size={14} aria-hidden="true" />} onClick={copyMonday} disabled={!value['1']?.length}>
            {t('hours.copyMonday')}
          </Button>
        </Group>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            flex={1}
            size="xs"
            label={t('hours.fromText')}
            description={t('hours.fromTextHint')}
            placeholder="Sen-Kam 08:00-12:00,13:00-15:00; Jum 08:00-11:30"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyText();
              }
            }}
            error={textError}
          />
          <Button size="xs" variant="light" mt={42} onClick={applyText} disabled={!text.trim()}>
            {t('hours.apply')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

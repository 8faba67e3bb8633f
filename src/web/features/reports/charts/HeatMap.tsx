import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { weekdayNames } from '../../../lib/format';
import { fmtCount, type TableData } from '../figures';
import type { Summary } from '../types';
import { ChartCard } from './ChartCard';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hh = (h: number) => String(h).padStart(2, '0');
/** Shades of the palette from empty to the busiest hour; the text turns white on the dark ones. */
const SHADES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * Arrivals by weekday and hour as a table whose cells are shaded by their count (a heat map that
 * screen readers read as a table). Only the hours with arrivals, widened to a working day, are shown.
 */
export function HeatMap({ r, xlsx }: { r: Summary; xlsx: () => Promise<void> }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const days = weekdayNames(lang);
  const short = weekdayNames(lang, 'short');
  const busy = HOURS.filter((h) => r.arrivals.byHour[h] > 0);
  const first = Math.min(7, ...busy);
  const last = Math.max(16, ...busy);
  const hours = HOURS.filter((h) => h >= first && h <= last);
  const max = Math.max(1, ...r.arrivals.heat.flat());
  const table: TableData = {
    header: [t('heat.weekday'), ...HOURS.map((h) => `${hh(h)}:00`), t('heat.total')],
    rows: r.arrivals.heat.map((row, d) => [days[d], ...row, r.arrivals.byWeekday[d]]),
  };
  return (
    <ChartCard title={t('heat.title')} intro={t('heat.intro')} table={table} file={`kedatangan-${r.from}-${r.to}`} xlsx={xlsx} testId="report-heat">
      <Table.ScrollContainer minWidth={hours.length * 40 + 160} mt="sm">
        <Table withTableBorder withColumnBorders fz="xs" ta="center" data-testid="report-heat-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('heat.weekday')}</Table.Th>
              {hours.map((h) => <Table.Th key={h} scope="col" ta="center">{hh(h)}</Table.Th>)}
              <Table.Th scope="col" ta="right">{t('heat.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.arrivals.heat.map((row, d) => (
              <Table.Tr key={d}>
                <Table.Th scope="row"><abbr title={days[d]}>{short[d]}</abbr></Table.Th>
                {hours.map((h) => {
                  const n = row[h];
                  const shade = n === 0 ? null : SHADES[Math.min(9, Math.ceil((n / max) * 9))];
                  return (
                    <Table.Td
                      key={h}
                      ta="center"
                      title={t('heat.cell', { day: days[d], hour: `${hh(h)}.00`, n: fmtCount(n, lang) })}
                      style={shade === null ? undefined : { background: `var(--mantine-color-indigo-${shade})`, color: shade >= 6 ? 'var(--mantine-color-white)' : 'var(--mantine-color-black)' }}
                    >
                      {n ? fmtCount(n, lang) : ''}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right" fw={600}>{fmtCount(r.arrivals.byWeekday[d], lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ChartCard>
  );
}

import { Card, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NS } from '../i18n';
import { shortRegionName, STAGE_FILL } from '../stages';
import { MPP_STAGES, type RegionMpp } from '../types';

/**
 * A schematic tile map: one tile per kabupaten/kota, coloured by stage, drawn in SVG with no map
 * data from the network. Kalimantan Timur's tiles sit where each lies relative to the others
 * (Berau in the north-east, Paser in the south); other provinces get a plain grid in code order.
 */
const LAYOUTS: Record<string, Record<string, [col: number, row: number]>> = {
  '64': {
    '6403': [2, 0], // Berau
    '6411': [0, 1], // Mahakam Ulu
    '6408': [2, 1], // Kutai Timur
    '6407': [0, 2], // Kutai Barat
    '6402': [1, 2], // Kutai Kartanegara
    '6474': [2, 2], // Bontang
    '6472': [2, 3], // Samarinda
    '6409': [1, 4], // Penajam Paser Utara
    '6471': [2, 4], // Balikpapan
    '6401': [1, 5], // Paser
  },
};

const W = 168;
const H = 74;
const GAP = 8;
/**
 * The map shrinks with the screen down to this width, then scrolls sideways inside its card:
 * below it the tiles' names would fall under ~12 px on a phone.
 */
const MIN_WIDTH = 460;
/** Long names ("Penajam Paser Utara") get a smaller font so they stay inside their tile. */
const nameSize = (name: string) => (name.length > 16 ? 12.5 : 14);

function placed(provinceCode: string, rows: RegionMpp[]): Array<{ r: RegionMpp; col: number; row: number }> {
  const layout = LAYOUTS[provinceCode];
  if (layout && rows.every((r) => layout[r.regencyCode])) return rows.map((r) => ({ r, col: layout[r.regencyCode][0], row: layout[r.regencyCode][1] }));
  const cols = Math.max(3, Math.ceil(Math.sqrt(rows.length)));
  return rows.map((r, i) => ({ r, col: i % cols, row: Math.floor(i / cols) }));
}

export function ProvinceMap({ provinceCode, rows }: { provinceCode: string; rows: RegionMpp[] }) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const tiles = placed(provinceCode, rows);
  const width = (Math.max(...tiles.map((x) => x.col)) + 1) * (W + GAP) - GAP;
  const height = (Math.max(...tiles.map((x) => x.row)) + 1) * (H + GAP) - GAP;
  const open = (code: string) => navigate(`/province/${code}`);
  const onKey = (e: KeyboardEvent, code: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(code);
    }
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="province-map-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="province-map-title">
          {t('dashboard.map')}
        </Title>
        <ScrollArea type="auto" offsetScrollbars="x" scrollbars="x">
          <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, minWidth: Math.min(width, MIN_WIDTH), display: 'block' }} role="group" aria-labelledby="province-map-title" data-testid="province-map">
            {tiles.map(({ r, col, row }) => {
              const colour = STAGE_FILL[r.stage];
              const label = t('dashboard.tileAria', { name: r.regencyName, stage: t(`stage.${r.stage}`) });
              return (
                <g
                  key={r.regencyCode}
                  transform={`translate(${col * (W + GAP)}, ${row * (H + GAP)})`}
                  role="link"
                  tabIndex={0}
                  aria-label={label}
                  onClick={() => open(r.regencyCode)}
                  onKeyDown={(e) => onKey(e, r.regencyCode)}
                  style={{ cursor: 'pointer' }}
                  data-testid={`map-tile-${r.regencyCode}`}
                  data-stage={r.stage}
                >
                  <title>{label}</title>
                  <rect width={W} height={H} rx={8} fill={colour.fill} stroke={r.next?.late ? '#c92a2a' : '#495057'} strokeWidth={r.next?.late ? 3 : 1} data-testid={`map-fill-${r.regencyCode}`} />
                  <text x={10} y={26} fontSize={nameSize(shortRegionName(r.regencyName))} fontWeight={700} fill={colour.text}>
                    {shortRegionName(r.regencyName)}
                  </text>
                  <text x={10} y={48} fontSize={12} fill={colour.text}>
                    {t(`stage.${r.stage}`)}
                  </text>
                  {r.next?.late && (
                    <text x={10} y={66} fontSize={11} fontWeight={700} fill={colour.text}>
                      {t('dashboard.late', { count: r.next.daysLate })}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        </ScrollArea>
        <Text size="xs" c="dimmed">
          {t('dashboard.mapNote')}
        </Text>
        <Legend rows={rows} />
      </Stack>
    </Card>
  );
}

/** The colours with their stages and how many kabupaten/kota are at each. */
function Legend({ rows }: { rows: RegionMpp[] }) {
  const { t } = useTranslation(NS);
  return (
    <Group gap="sm" component="ul" aria-label={t('dashboard.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {MPP_STAGES.map((s) => (
        <Group key={s} gap={6} component="li" wrap="nowrap">
          <span aria-hidden="true" style={{ width: 16, height: 16, borderRadius: 4, background: STAGE_FILL[s].fill, border: '1px solid #495057', display: 'inline-block' }} />
          <Text size="xs">
            {t(`stage.${s}`)} ({rows.filter((r) => r.stage === s).length})
          </Text>
        </Group>
      ))}
    </Group>
  );
}

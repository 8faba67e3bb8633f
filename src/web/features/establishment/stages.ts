/**
 * How stages look: one fill per stage for the map, the badges and the legend, light to dark as
 * an MPP gets closer to operating. Text on each fill keeps a contrast of at least 4.5:1, and the
 * stage is always written too (colour is never the only cue).
 */
import type { MppStage } from './types';

export const STAGE_FILL: Readonly<Record<MppStage, { fill: string; text: string }>> = {
  none: { fill: '#e9ecef', text: '#212529' },
  usulan: { fill: '#fff3bf', text: '#212529' },
  verifikasi: { fill: '#ffd8a8', text: '#212529' },
  koordinasi: { fill: '#d0bfff', text: '#212529' },
  pembangunan: { fill: '#74c0fc', text: '#10213a' },
  uji_coba: { fill: '#38d9a9', text: '#0b2b22' },
  diresmikan: { fill: '#2b8a3e', text: '#ffffff' },
};

/** "Kota Samarinda" → "Samarinda", "Kabupaten Kutai Timur" → "Kutai Timur" (the tile's label). */
export const shortRegionName = (name: string) => name.replace(/^(Kabupaten|Kota)\s+/i, '');

/**
 * Dates of stages, plans and documents always with their year ("19 Des 2019"): an MPP's path
 * spans years, and a weekday adds nothing to a date years back.
 */
export const STAGE_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

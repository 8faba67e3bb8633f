import type { Lang } from '../../lib/api';
import { formatNumber } from '../../lib/format';

/** A file size as people read it: "850 KB", "2,4 MB" (decimal comma in Indonesian). */
export function formatBytes(n: number, lang: Lang): string {
  if (n < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(n / 1024)), lang)} KB`;
  return `${formatNumber(Math.round((n / (1024 * 1024)) * 10) / 10, lang)} MB`;
}

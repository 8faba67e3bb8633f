import { useTranslation } from 'react-i18next';
import { waitFacts } from '../format';
import type { Estimate } from '../types';

/**
 * How many wait and for how long, as one consistent statement: with nobody waiting the tile says
 * "Tidak ada antrean" and only the upper bound ("hingga 23 menit": the counter may still be busy),
 * never "Menunggu: 0" beside "0–23 menit".
 */
export function WaitFacts({ waiting, estimate, showEstimate = true }: { waiting: number; estimate: Estimate | null | undefined; showEstimate?: boolean }) {
  const { t } = useTranslation('queue');
  const f = waitFacts(waiting, estimate);
  return (
    <>
      <span data-testid="kiosk-waiting">{f.waiting === 0 ? t('kiosk.nobodyWaiting') : t('kiosk.waitingCount', { count: f.waiting })}</span>
      {showEstimate && f.estimate && (
        <span data-testid="kiosk-estimate">
          {f.estimate.kind === 'soon'
            ? t('kiosk.estimate', { text: t('common.noWait') })
            : f.estimate.kind === 'upTo'
              ? t('kiosk.estimateUpTo', { max: f.estimate.max })
              : t('kiosk.estimate', { text: t('common.minutes', { range: f.estimate.range }) })}
        </span>
      )}
    </>
  );
}

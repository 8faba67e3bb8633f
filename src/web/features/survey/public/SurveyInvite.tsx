import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchOffer } from '../api';
import '../i18n';
import type { SurveyOffer } from '../types';
import classes from './survey.module.css';

/**
 * "Bagaimana pelayanan kami?" on the citizen's status page, once a step of the visit is finished
 * (mounted by the queue's status page through ../pages.ts). `finished` changes when another step
 * finishes, so the invitation follows the visit; nothing shows before any service is done.
 */
export default function SurveyInvite({ code, finished, via }: { code: string; finished: number; via?: string | null }) {
  const { t } = useTranslation('survey');
  const [offer, setOffer] = useState<SurveyOffer | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    fetchOffer(code, ctrl.signal).then(setOffer).catch(() => undefined);
    return () => ctrl.abort();
  }, [code, finished]);

  if (!offer || !offer.services.length) return null;
  const open = offer.services.filter((s) => s.open);
  if (!open.length) {
    if (!offer.services.some((s) => s.answered)) return null;
    return <p className={classes.card} role="status" data-testid="survey-invite-done">{t('invite.done')}</p>;
  }
  const target = `/survei/${encodeURIComponent(code)}${open.length === 1 ? `?layanan=${open[0].serviceId}` : ''}${via === 'qr' ? `${open.length === 1 ? '&' : '?'}via=qr` : ''}`;
  return (
    <section className={classes.card} aria-labelledby="survey-invite" data-testid="survey-invite">
      <h2 id="survey-invite" className={classes.h2}>{t('invite.title')}</h2>
      <p className={classes.muted}>{t('invite.body')}</p>
      <div className={classes.row}>
        <Link className={classes.primary} to={target} data-testid="survey-invite-go">{t('invite.action')}</Link>
      </div>
    </section>
  );
}

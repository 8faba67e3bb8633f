import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../app/usePageTitle';
import { setLanguage, useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { formatDateTimeShort, zoneLabel } from '../../../lib/format';
import { fetchOffer, submitSurvey } from '../api';
import '../i18n';
import type { OfferedService, SurveyOffer } from '../types';
import { problemText } from './problemText';
import { QuestionFlow } from './QuestionFlow';
import classes from './survey.module.css';

/**
 * `/survei/:code`: the questionnaire for a tracking code, from the status page's invitation or
 * the QR on the ticket (`?via=qr`). A visit served at several services rates each (`?layanan=`
 * picks one). No sign-in: the code proves the service was given; nothing identifying is asked.
 */
export default function SurveyPage() {
  const { t } = useTranslation('survey');
  const lang = useLang();
  usePageTitle(t('title'));
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [offer, setOffer] = useState<SurveyOffer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = (signal?: AbortSignal) =>
    fetchOffer(code, signal)
      .then((o) => {
        setOffer(o);
        setError(null);
      })
      .catch((e: unknown) => {
        if ((e as Error)?.name !== 'AbortError') setError(e);
      });
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [code]);

  const open = offer?.services.filter((s) => s.open) ?? [];
  const wanted = params.get('layanan');
  const current: OfferedService | undefined = done ? undefined : (open.find((s) => s.serviceId === wanted) ?? (open.length === 1 ? open[0] : undefined));
  const zone = offer ? zoneLabel(offer.site.timeZone) : '';
  const when = (iso: string) => `${formatDateTimeShort(iso, lang, offer!.site.timeZone)} ${zone}`;

  let body;
  if (error instanceof ApiError && error.status === 404) body = <p className={classes.error} role="alert">{t('form.notFound')}</p>;
  else if (error) body = <p className={classes.error} role="alert">{problemText(error, lang)}</p>;
  else if (!offer) body = <p className={classes.muted}>{t('loading')}</p>;
  else if (done) {
    body = (
      <section className={`${classes.card} ${classes.done}`} role="status" data-testid="survey-thanks">
        <h1 className={classes.h1}>{t('form.thanks')}</h1>
        <p className={classes.muted}>{t('form.thanksMore')}</p>
        <div className={classes.row}>
          {open.some((s) => s.serviceId !== done) && (
            <button type="button" className={classes.secondary} onClick={() => { setDone(null); setParams({}); }}>{t('form.rateAnother')}</button>
          )}
          <Link className={classes.primary} to={`/mpp/${offer.site.id}/ikm`} data-testid="survey-results-link">{t('form.seeResults')}</Link>
        </div>
      </section>
    );
  } else if (current) {
    body = (
      <>
        <section className={classes.card}>
          <h1 className={classes.h1}>{t('form.heading')}</h1>
          <p><strong>{current.serviceName}</strong> · {current.agencyName} · {current.number}</p>
          <p className={classes.muted}>{t('form.intro')}</p>
        </section>
        <QuestionFlow
          key={current.serviceId}
          title={current.serviceName}
          onSubmit={async (r) => {
            await submitSurvey(offer.site.id, { trackingCode: code, serviceId: current.serviceId, channel: params.get('via') === 'qr' ? 'qr' : 'web', ...r });
            setDone(current.serviceId);
            await load();
          }}
        />
      </>
    );
  } else if (!offer.services.length) body = <p className={classes.card}>{t('form.nothing')}</p>;
  else {
    body = (
      <section className={classes.card}>
        <h1 className={classes.h1}>{t('form.chooseService')}</h1>
        <ul className={classes.services}>
          {offer.services.map((s) => (
            <li key={s.serviceId}>
              <button type="button" className={classes.option} disabled={!s.open} onClick={() => setParams({ layanan: s.serviceId, ...(params.get('via') ? { via: params.get('via')! } : {}) })}>
                <span>
                  <strong>{s.serviceName}</strong> · {s.agencyName} · {s.number}
                  <br />
                  <span className={classes.muted}>{s.answered ? t('form.answered') : s.open ? t('form.openUntil', { when: when(s.openUntil) }) : t('form.closed')}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <div className={classes.page}>
      <header className={classes.top}>
        <span className={classes.site}>{offer?.site.name ?? t('title')}</span>
        <button type="button" className={classes.lang} onClick={() => void setLanguage(lang === 'en' ? 'id' : 'en')} lang={lang === 'en' ? 'id' : 'en'}>
          {lang === 'en' ? 'ID' : 'EN'}
        </button>
      </header>
      <main className={classes.main}>{body}</main>
    </div>
  );
}

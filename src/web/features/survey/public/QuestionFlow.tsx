import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SKM_ELEMENT_KEYS, type ElementKey, type Score } from '../../../../domain/ikm';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES } from '../../../../domain/survey';
import { useLang } from '../../../i18n';
import { problemText } from './problemText';
import '../i18n';
import type { Answers, Respondent } from '../types';
import classes from './survey.module.css';

export interface FlowResult {
  answers: Answers;
  respondent?: Respondent;
  comment?: string;
}

const PROFILE = { age: AGE_BANDS, sex: SEXES, education: EDUCATIONS, occupation: OCCUPATIONS } as const;
type ProfileKey = keyof typeof PROFILE;

/**
 * The questionnaire, one screen per element (the regulation's nine, answers 1–4 with their
 * labels), then the optional profile and comment, then a review before sending. Choosing an
 * answer moves on; keys 1–4 choose on a keyboard. Used by the survey page and the tablet.
 */
export function QuestionFlow({ onSubmit, title }: { onSubmit: (r: FlowResult) => Promise<void>; title: string }) {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Partial<Record<ElementKey, Score>>>({});
  const [profile, setProfile] = useState<Partial<Record<ProfileKey, string>>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const total = SKM_ELEMENT_KEYS.length;
  const key = SKM_ELEMENT_KEYS[step] as ElementKey | undefined;

  // Each screen starts where a screen reader and the keyboard expect it: at its question.
  useEffect(() => heading.current?.focus(), [step]);

  const choose = (k: ElementKey, s: Score) => {
    setAnswers((a) => ({ ...a, [k]: s }));
    setStep((n) => n + 1);
  };

  useEffect(() => {
    if (!key) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement)?.tagName === 'TEXTAREA') return;
      const n = Number(e.key);
      if (n >= 1 && n <= 4) choose(key, n as Score);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key]);

  const complete = SKM_ELEMENT_KEYS.every((k) => answers[k] !== undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!complete || busy) return;
    setBusy(true);
    setError(null);
    const respondent = Object.fromEntries(Object.entries(profile).filter(([, v]) => v)) as Respondent;
    try {
      await onSubmit({ answers: answers as Answers, ...(Object.keys(respondent).length ? { respondent } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) });
    } catch (err) {
      setError(problemText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const progress = <div className={classes.progress} aria-hidden="true"><div className={classes.bar} style={{ width: `${(Math.min(step, total) / (total + 1)) * 100}%` }} /></div>;

  if (key) {
    const chosen = answers[key];
    return (
      <section className={classes.card} aria-labelledby="q-heading" data-testid={`survey-step-${key}`}>
        {progress}
        <p className={classes.muted}>{t('form.step', { n: step + 1, total })} · {t(`el.${key}.label`)}</p>
        <h2 id="q-heading" className={classes.h2} tabIndex={-1} ref={heading}>{t(`el.${key}.q`)}</h2>
        <fieldset className={classes.options}>
          <legend className={classes.muted}>{title}</legend>
          {([4, 3, 2, 1] as Score[]).map((s) => (
            <button key={s} type="button" className={`${classes.option} ${chosen === s ? classes.chosen : ''}`} aria-pressed={chosen === s} onClick={() => choose(key, s)} data-testid={`answer-${s}`}>
              <span className={classes.score}>{s}</span>
              {t(`el.${key}.a${s}`)}
            </button>
          ))}
        </fieldset>
        {step > 0 && (
          <div className={classes.row}>
            <button type="button" className={classes.secondary} onClick={() => setStep(step - 1)}>{t('form.back')}</button>
          </div>
        )}
      </section>
    );
  }

  return (
    <form className={classes.card} onSubmit={submit} aria-labelledby="q-heading">
      {progress}
      <h2 id="q-heading" className={classes.h2} tabIndex={-1} ref={heading}>{t('form.profileTitle')}</h2>
      {(Object.keys(PROFILE) as ProfileKey[]).map((field) => (
        <div className={classes.field} key={field}>
          <span className={classes.fieldLabel} id={`p-${field}`}>{t(`form.${field}`)}</span>
          <div className={classes.chips} role="group" aria-labelledby={`p-${field}`}>
            {PROFILE[field].map((v) => (
              <button key={v} type="button" className={`${classes.chip} ${profile[field] === v ? classes.chipOn : ''}`} aria-pressed={profile[field] === v} onClick={() => setProfile((p) => ({ ...p, [field]: p[field] === v ? undefined : v }))}>
                {t(`profile.${field}.${v}` as 'profile.sex.L')}
              </button>
            ))}
          </div>
        </div>
      ))}
      <div className={classes.field}>
        <label className={classes.fieldLabel} htmlFor="survey-comment">{t('form.comment')}</label>
        <textarea id="survey-comment" className={classes.textarea} maxLength={1000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} aria-describedby="survey-comment-hint" data-testid="survey-comment" />
        <p id="survey-comment-hint" className={classes.muted}>{t('form.commentHint')}</p>
      </div>
      <h3 className={classes.h2}>{t('form.review')}</h3>
      <ul className={classes.review}>
        {SKM_ELEMENT_KEYS.map((k, i) => (
          <li key={k}>
            <span>{t(`el.${k}.label`)}: <strong>{answers[k] ? t(`el.${k}.a${answers[k]!}`) : '–'}</strong></span>
            <button type="button" className={classes.link} onClick={() => setStep(i)}>{t('form.change')}</button>
          </li>
        ))}
      </ul>
      {error && <p className={classes.error} role="alert">{error}</p>}
      <div className={classes.row}>
        <button type="button" className={classes.secondary} onClick={() => setStep(total - 1)}>{t('form.back')}</button>
        <button type="submit" className={classes.primary} disabled={!complete || busy} data-testid="survey-submit">{busy ? t('form.sending') : t('form.submit')}</button>
      </div>
    </form>
  );
}

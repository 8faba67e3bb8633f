import { useTranslation } from 'react-i18next';
import type { ServingGroup } from './calls';
import classes from './display.module.css';

/** The lower band of the TV: per agency who is at a counter, how many wait, which counters rest. */
export function ServingPanel({ groups }: { groups: ServingGroup[] }) {
  const { t } = useTranslation('queue');
  return (
    <section className={classes.serving} aria-label={t('display.nowServing')} data-testid="display-serving">
      {groups.map((g) => (
        <div key={g.agencyId} className={classes.agency}>
          <div className={classes.agencyName}>{g.agency}</div>
          <div className={classes.agencyTickets}>
            {g.tickets.length === 0 && g.onBreak.length === 0 ? (
              <span className={classes.dim}>{t('common.none')}</span>
            ) : (
              g.tickets.map((x) => (
                <span key={x.ticketId} className={classes.servingItem}>
                  <b>{x.number}</b> {x.counter}
                </span>
              ))
            )}
            {g.onBreak.map((name) => (
              <span key={name} className={classes.breakItem} data-testid="display-break">
                {t('display.onBreak', { counter: name })}
              </span>
            ))}
          </div>
          <div className={classes.agencyWaiting}>
            {g.waiting} {t('display.waiting')}
          </div>
        </div>
      ))}
    </section>
  );
}

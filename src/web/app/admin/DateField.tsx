import { DateInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/id';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { parseDayFirst } from '../../lib/parseDate';
import { NS } from './i18n';

export interface DateFieldProps {
  label: ReactNode;
  /** The calendar date YYYY-MM-DD, or '' when empty. */
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** YYYY-MM-DD bounds of the calendar. */
  min?: string;
  max?: string;
  name?: string;
  w?: CSSProperties['width'] | number;
  maw?: CSSProperties['maxWidth'] | number;
  'data-testid'?: string;
}

/**
 * A date in the app's language, never the browser's (a browser set to English showed mm/dd/yyyy):
 * shown as "15 Januari 2026", typed day first ("15/01/2026", "15 Jan 2026" or 2026-01-15), picked
 * from a calendar that starts on Monday. The value stays a YYYY-MM-DD calendar date.
 */
export function DateField({ label, value, onChange, description, error, required, disabled, min, max, name, w, maw, ...rest }: DateFieldProps) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  return (
    <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
      <DateInput
        label={label}
        description={description}
        error={error}
        required={required}
        disabled={disabled}
        name={name}
        w={w}
        maw={maw}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        valueFormat={(d) => formatDate(d, lang, { day: 'numeric', month: 'long', year: 'numeric' })}
        dateParser={parseDayFirst}
        placeholder={t('form.datePlaceholder')}
        minDate={min}
        maxDate={max}
        clearable={!required}
        popoverProps={{ withinPortal: true }}
        data-testid={rest['data-testid']}
      />
    </DatesProvider>
  );
}

import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nikMessages, normalizeNik, validateNik } from '../../../../domain/nik';
import { currentLang } from '../../../i18n';
import { NS } from '../i18n';

/** The message for a NIK that cannot be valid, in the UI language (the same rules as the server). */
export function nikError(value: string): string | null {
  const v = validateNik(value, new Date());
  return v.ok ? null : nikMessages[v.reason][currentLang()];
}

/**
 * NIK field with instant feedback from src/domain/nik: letters are flagged at once, the full rules
 * apply as soon as 16 digits are typed or the field is left. A server message (e.g. "NIK tidak
 * sesuai") wins until the value changes.
 */
export const NikInput = forwardRef<HTMLInputElement, Omit<TextInputProps, 'value' | 'onChange' | 'error'> & { value: string; onChange: (value: string) => void; serverError?: string | null; showAll?: boolean }>(
  function NikInput({ value, onChange, serverError, showAll, onBlur, ...rest }, ref) {
    const { t } = useTranslation(NS);
    const [left, setLeft] = useState(false);
    const digits = normalizeNik(value);
    let error: string | null = serverError ?? null;
    if (!error && value !== '') {
      const hasJunk = /[^\d\s]/.test(value);
      if (hasJunk || digits.length >= 16 || left || showAll) error = nikError(value);
    } else if (!error && showAll) {
      error = nikError(value);
    }
    return (
      <TextInput
        ref={ref}
        label={t('nik.label')}
        description={`${t('nik.hint')} · ${t('nik.count', { count: digits.replace(/\D/g, '').length })}`}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={24}
        value={value}
        onChange={(e) => {
          setLeft(false);
          onChange(e.currentTarget.value);
        }}
        onBlur={(e) => {
          setLeft(true);
          onBlur?.(e);
        }}
        error={error ?? undefined}
        styles={{ input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.05em' } }}
        {...rest}
      />
    );
  },
);

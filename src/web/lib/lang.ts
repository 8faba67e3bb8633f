import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import type { Lang } from './api';

/** One of the two languages the server speaks, from an i18next language tag. */
export const langOf = (language: string | undefined): Lang => (language?.startsWith('en') ? 'en' : 'id');

/** The UI language now (for code outside components: toasts, error texts). */
export const currentLang = (): Lang => langOf(i18n.language);

/** The UI language in a component, which renders again when it changes. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return langOf(instance.language);
}

import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { useLang } from '../i18n';

/**
 * Toggles between Bahasa Indonesia and English; it shows the code of the language it switches to
 * and is named in that language. (No Tooltip: it would pull floating-ui into every page.)
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = useLang() === 'en' ? 'id' : 'en';
  return (
    <Button
      variant="subtle"
      color="gray"
      size="compact-md"
      leftSection={<IconLanguage size={18} aria-hidden="true" />}
      onClick={() => void setLanguage(next)}
      aria-label={t('lang.switchTo')}
      title={t('lang.switchTo')}
      lang={next}
      data-testid="lang-switch"
    >
      {t('lang.short')}
    </Button>
  );
}

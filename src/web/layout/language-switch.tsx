import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asLanguage, setLanguage } from '../i18n/index.js';

/** Switches between 中文 and English; the button names the other language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = asLanguage(i18n.language);
  const next = current === 'zh-TW' ? 'en' : 'zh-TW';
  return (
    <Button
      variant="outline"
      size="compact-sm"
      color="white"
      lang={next === 'en' ? 'en' : 'zh-Hant-TW'}
      aria-label={t('language.switchToLabel')}
      onClick={() => void setLanguage(next)}
      styles={{ root: { color: '#ffffff', borderColor: '#ffffff' } }}
    >
      {t('language.switchTo')}
    </Button>
  );
}

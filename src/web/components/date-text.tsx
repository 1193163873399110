import { useTranslation } from 'react-i18next';
import { asLanguage } from '../i18n/index.js';
import { isoDate, rocDateLong, rocDateShort, taipeiTime } from '../lib/roc-date.js';

/** A calendar date (`YYYY-MM-DD`) in ROC and ISO form, e.g. 民國115年11月22日（2026-11-22）. */
export function DateText({ value, format = 'long' }: { value: string; format?: 'long' | 'short' }) {
  const { i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const roc = format === 'long' && language === 'zh-TW' ? rocDateLong(value) : rocDateShort(value);
  const iso = isoDate(value);
  return <time dateTime={iso}>{language === 'zh-TW' ? `${roc}（${iso}）` : `${iso} (ROC ${roc})`}</time>;
}

/** An instant in Asia/Taipei, in ROC and ISO form, e.g. 115/11/22 14:05（2026-11-22）. */
export function DateTimeText({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const language = asLanguage(i18n.language);
  const roc = rocDateShort(value);
  const iso = isoDate(value);
  const time = taipeiTime(value);
  return (
    <time dateTime={value}>{language === 'zh-TW' ? `${roc} ${time}（${iso}）` : `${iso} ${time} (ROC ${roc})`}</time>
  );
}

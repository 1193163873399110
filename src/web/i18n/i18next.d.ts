import type { Messages } from './messages.js';

// Typed translation keys: t('list.caption') is checked against zh-TW.ts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

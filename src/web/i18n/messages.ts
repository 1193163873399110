import type { zhTW } from './zh-TW.js';

/** The shape every language file has: that of the default language. */
export type Messages = typeof zhTW;

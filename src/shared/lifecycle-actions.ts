/** The life-cycle actions every request shares (src/domain/lifecycle.ts holds their rules). */
export const LIFECYCLE_ACTION_NAMES = [
  'start',
  'reject',
  'wait',
  'resume',
  'resolve',
  'confirm',
  'reopen',
  'cancel',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTION_NAMES)[number];

export const LIFECYCLE_ACTION_LABELS: Record<LifecycleAction, { 'zh-TW': string; en: string }> = {
  start: { 'zh-TW': '受理', en: 'Take on' },
  reject: { 'zh-TW': '退件', en: 'Return' },
  wait: { 'zh-TW': '等待回覆', en: 'Wait for reply' },
  resume: { 'zh-TW': '繼續處理', en: 'Resume' },
  resolve: { 'zh-TW': '處理完成', en: 'Resolve' },
  confirm: { 'zh-TW': '驗收結案', en: 'Confirm and close' },
  reopen: { 'zh-TW': '驗收不通過', en: 'Reopen' },
  cancel: { 'zh-TW': '撤銷申請', en: 'Withdraw' },
};

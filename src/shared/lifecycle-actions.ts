import type { RequestStatus } from './request-vocabulary.js';

/** The life-cycle actions every request shares, as data (src/domain/lifecycle.ts decides who may take them). */
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

/** Each action: the statuses it starts from, where it leads, who takes it, whether it needs a note. */
export const LIFECYCLE_ACTIONS = {
  start: { from: ['submitted'], to: 'in_progress', by: 'handler', noteRequired: false },
  reject: { from: ['submitted', 'in_progress'], to: 'rejected', by: 'handler', noteRequired: true },
  wait: { from: ['in_progress'], to: 'waiting', by: 'handler', noteRequired: true },
  resume: { from: ['waiting'], to: 'in_progress', by: 'either', noteRequired: false },
  resolve: { from: ['in_progress'], to: 'resolved', by: 'handler', noteRequired: true },
  confirm: { from: ['resolved'], to: 'closed', by: 'requester', noteRequired: false },
  reopen: { from: ['resolved'], to: 'in_progress', by: 'requester', noteRequired: true },
  cancel: { from: ['submitted'], to: 'cancelled', by: 'requester', noteRequired: false },
} as const satisfies Record<
  LifecycleAction,
  { from: readonly RequestStatus[]; to: RequestStatus; by: 'handler' | 'requester' | 'either'; noteRequired: boolean }
>;

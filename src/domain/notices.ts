import type { NoticeKind } from '../shared/notice-kinds.js';
import { ESCALATION_TIER_LABELS, type EscalationTier } from '../shared/request-vocabulary.js';

export { NOTICE_KINDS, NOTICE_LABELS, type NoticeKind } from '../shared/notice-kinds.js';

export type NoticeParams = {
  number: string;
  title: string;
  clock?: { 'zh-TW': string; en: string };
  due?: { 'zh-TW': string; en: string };
  share?: number;
  tier?: EscalationTier;
  note?: string;
  /** A reminder of something overdue (稽催) rather than the first notice. */
  chase?: boolean;
};

export type RenderedNotice = { title: { 'zh-TW': string; en: string }; body: { 'zh-TW': string; en: string } };

/** Renders a notice in both languages (templates as code: reviewed, typed, tested). */
export function renderNotice(kind: NoticeKind, p: NoticeParams): RenderedNotice {
  const subject = (zh: string, en: string) => ({
    'zh-TW': `【GovDesk】${p.number} ${zh}`,
    en: `[GovDesk] ${p.number} ${en}`,
  });
  const clock = p.clock ?? { 'zh-TW': '', en: '' };
  const due = p.due ?? { 'zh-TW': '', en: '' };
  const note = p.note ? { zh: `\n說明：${p.note}`, en: `\nNote: ${p.note}` } : { zh: '', en: '' };
  switch (kind) {
    case 'request_new':
      return {
        title: subject('新申請案件', 'new request'),
        body: { 'zh-TW': `新案件「${p.title}」待服務台受理。`, en: `A new request "${p.title}" waits for the desk.` },
      };
    case 'action_waiting':
      return {
        title: subject('待您處理', 'waits for you'),
        body: { 'zh-TW': `案件「${p.title}」已指派給您處理。`, en: `The request "${p.title}" is assigned to you.` },
      };
    case 'request_returned':
      return {
        title: subject('已退件', 'returned'),
        body: {
          'zh-TW': `您的申請「${p.title}」已退件。${note.zh}`,
          en: `Your request "${p.title}" was returned.${note.en}`,
        },
      };
    case 'request_resolved':
      return {
        title: subject('待您驗收', 'awaits your confirmation'),
        body: {
          'zh-TW': `您的申請「${p.title}」已處理完成，請確認驗收。${note.zh}`,
          en: `Your request "${p.title}" is resolved; please confirm the result.${note.en}`,
        },
      };
    case 'request_closed':
      return {
        title: subject('已結案', 'closed'),
        body: { 'zh-TW': `案件「${p.title}」已驗收結案。`, en: `The request "${p.title}" is confirmed and closed.` },
      };
    case 'sla_warning':
      return {
        title: subject('服務時限即將到期', 'service level about to be missed'),
        body: {
          'zh-TW': `「${clock['zh-TW']}」已使用 ${Math.round((p.share ?? 0) * 100)}%，將於 ${due['zh-TW']} 到期。`,
          en: `"${clock.en}" is ${Math.round((p.share ?? 0) * 100)}% used and falls due at ${due.en}.`,
        },
      };
    case 'sla_breach':
      return {
        title: subject('已逾服務時限', 'service level missed'),
        body: {
          'zh-TW': `「${clock['zh-TW']}」已於 ${due['zh-TW']} 逾時。`,
          en: `"${clock.en}" was missed at ${due.en}.`,
        },
      };
    case 'sla_escalation': {
      const tier = ESCALATION_TIER_LABELS[p.tier ?? 'first_line_desk'];
      return {
        title: subject(`升級至${tier['zh-TW']}`, `escalated to ${tier.en}`),
        body: {
          'zh-TW': `案件「${p.title}」逾時未處理，已升級至${tier['zh-TW']}。`,
          en: `The request "${p.title}" missed its service level and is escalated to ${tier.en}.`,
        },
      };
    }
    case 'sla_chase':
      return {
        title: subject('稽催', 'reminder'),
        body: {
          'zh-TW': `案件「${p.title}」之「${clock['zh-TW']}」已逾時，請儘速處理。`,
          en: `"${clock.en}" of the request "${p.title}" is overdue; please act.`,
        },
      };
    // For the two account notices `number` names the subject (帳號申請, the review) and `title` the account or period.
    case 'account_request':
      return {
        title: subject('待您核可', 'waits for your decision'),
        body: {
          'zh-TW': `帳號「${p.title}」之申請待您核可，請至「帳號申請」頁面辦理。${note.zh}`,
          en: `The request for the account "${p.title}" waits for your decision on the account requests page.${note.en}`,
        },
      };
    case 'account_review':
      return {
        title: subject(p.chase ? '稽催' : '待您確認', p.chase ? 'reminder' : 'waits for you'),
        body: p.chase
          ? {
              'zh-TW': `「${p.title}」已逾期（期限 ${due['zh-TW']}），仍有帳號待您確認保留或停用，請儘速至「帳號清查」頁面辦理。`,
              en: `"${p.title}" is overdue (due ${due.en}) and still has accounts for you to keep or revoke on the account review page.`,
            }
          : {
              'zh-TW': `「${p.title}」有帳號待您確認保留或停用，請於 ${due['zh-TW']} 前至「帳號清查」頁面辦理。`,
              en: `"${p.title}" has accounts for you to keep or revoke by ${due.en}, on the account review page.`,
            },
      };
  }
}

import { useTranslation } from 'react-i18next';
import {
  ESCALATION_TIER_LABELS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_PRIORITY_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  type EscalationTier,
  type RequestChannel,
  type RequestPriority,
  type RequestStatus,
  type RequestType,
} from '../../shared/request-vocabulary.js';
import { ROLE_LABELS, type Role } from '../../shared/roles.js';
import { ACCOUNT_REQUEST_STATUS_LABELS, type AccountRequestStatus } from '../../shared/api/account-request.schema.js';
import { asLanguage, type Language } from './index.js';

/** The labels of the shared vocabularies (roles, types, statuses, channels, account requests) in the current language. */
export function useLabels() {
  const { i18n } = useTranslation();
  const language: Language = asLanguage(i18n.language);
  return {
    language,
    role: (role: Role) => ROLE_LABELS[role][language],
    type: (type: RequestType) => REQUEST_TYPE_LABELS[type][language],
    status: (status: RequestStatus) => REQUEST_STATUS_LABELS[status][language],
    channel: (channel: RequestChannel) => REQUEST_CHANNEL_LABELS[channel][language],
    priority: (priority: RequestPriority) => REQUEST_PRIORITY_LABELS[priority][language],
    tier: (tier: EscalationTier) => ESCALATION_TIER_LABELS[tier][language],
    accountRequestStatus: (status: AccountRequestStatus) => ACCOUNT_REQUEST_STATUS_LABELS[status][language],
    /** 「王小明（投資組）」 or "Wang (Investment)": a name with what tells it apart. */
    qualified: (name: string, qualifier: string) =>
      language === 'en' ? `${name} (${qualifier})` : `${name}（${qualifier}）`,
    /** 「申請人、科長」 or "Requester, Section chief". */
    list: (items: readonly string[]) => items.join(language === 'en' ? ', ' : '、'),
    /** A label the server sends in both languages, e.g. a clock's name. */
    localised: (text: { 'zh-TW': string; en: string }) => text[language],
  };
}

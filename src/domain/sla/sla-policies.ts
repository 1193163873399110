import { ESCALATION_TIERS, type EscalationTier } from '../../shared/request-vocabulary.js';
import type { ClockBasis } from './clock.js';

/**
 * The service-level figures of the source documents and of today's incident law, as data
 * (SLA-2). An agency can override them; these are the defaults.
 */
export const HOUR_MS = 3_600_000;
const WORKING_DAY_MS = 8 * HOUR_MS;

export type ClockTarget = {
  /** Stable key, e.g. `fault.response`. */
  key: string;
  basis: ClockBasis;
  targetMs: number;
  /** The rule it carries, for people and the history. */
  source: string;
  label: { 'zh-TW': string; en: string };
};

export const CLOCK_TARGETS = {
  faultResponse: {
    key: 'fault.response',
    basis: 'working',
    targetMs: 2 * HOUR_MS,
    source: '004 壹: 受理障礙後二個工作小時內回覆障礙原因、初步修復方式及所需時間',
    label: { 'zh-TW': '障礙回覆（2 工作小時）', en: 'Fault acknowledged (2 working hours)' },
  },
  faultRepair: {
    key: 'fault.repair',
    basis: 'working',
    targetMs: 8 * HOUR_MS,
    source: '004 壹: 所有障礙需於八個工作小時內修復，或說明原因及可完成時間',
    label: { 'zh-TW': '障礙修復（8 工作小時）', en: 'Fault repaired (8 working hours)' },
  },
  faultLimit: {
    key: 'fault.limit',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '004 壹: 最長不得超過三個工作天',
    label: { 'zh-TW': '修復上限（3 工作天）', en: 'Repair limit (3 working days)' },
  },
  webDeskReview: {
    key: 'web_content.desk_review',
    basis: 'working',
    targetMs: 2 * HOUR_MS,
    source: '000 §2.4.2: 資訊服務台審核時間為二小時',
    label: { 'zh-TW': '服務台審核（2 小時）', en: 'Desk review (2 hours)' },
  },
  webItReview: {
    key: 'web_content.it_review',
    basis: 'working',
    targetMs: 4 * HOUR_MS,
    source: '000 §2.4.3: 資訊科審核時間為四小時',
    label: { 'zh-TW': '資訊科審核（4 小時）', en: 'IT section review (4 hours)' },
  },
  incidentReport: {
    key: 'incident.report',
    basis: 'wall',
    targetMs: 1 * HOUR_MS,
    source: '資通安全事件通報應變及演練辦法: 知悉後一小時內通報',
    label: { 'zh-TW': '資安事件通報（1 小時）', en: 'Incident reported (1 hour)' },
  },
  incidentDamageControlMinor: {
    key: 'incident.damage_control.level_1_2',
    basis: 'wall',
    targetMs: 72 * HOUR_MS,
    source: '資通安全事件通報及應變辦法: 第一、二級事件 72 小時內完成損害控制或復原',
    label: { 'zh-TW': '損害控制（1–2 級，72 小時）', en: 'Damage control (levels 1–2, 72 hours)' },
  },
  incidentDamageControlMajor: {
    key: 'incident.damage_control.level_3_4',
    basis: 'wall',
    targetMs: 36 * HOUR_MS,
    source: '資通安全事件通報及應變辦法: 第三、四級事件 36 小時內完成損害控制或復原',
    label: { 'zh-TW': '損害控制（3–4 級，36 小時）', en: 'Damage control (levels 3–4, 36 hours)' },
  },
  incidentExternalSupport: {
    key: 'incident.external_support',
    basis: 'wall',
    targetMs: 3 * HOUR_MS,
    source: '000 §2.6: 同意後三小時內派員協助處理',
    label: { 'zh-TW': '外部支援到場（3 小時）', en: 'External support arrives (3 hours)' },
  },
  vendorAccountReview: {
    key: 'vendor_account.review',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '000 附件四: 收件後三個工作天內完成審查',
    label: { 'zh-TW': '廠商帳號審查（3 工作天）', en: 'Vendor account review (3 working days)' },
  },
  ruleChangeNotice: {
    key: 'connected_agency.rule_change_notice',
    basis: 'working',
    targetMs: 10 * WORKING_DAY_MS,
    source: '004 壹: 規則改變需提前十個工作天告知',
    label: { 'zh-TW': '規則變更預告（10 工作天）', en: 'Rule change notice (10 working days)' },
  },
  // Issue 6 (001): the data-centre review. 001 sets no deadlines; these defaults keep each step
  // moving and agencies adjust them in the service-level settings.
  dcWindowCheck: {
    key: 'dc.window_check',
    basis: 'working',
    targetMs: 1 * WORKING_DAY_MS,
    source: '001 二: 數位發展局窗口收件，檢視 4 項申請文件是否齊備（GovDesk 預設 1 工作天）',
    label: { 'zh-TW': '窗口收件檢視（1 工作天）', en: 'Documents checked on receipt (1 working day)' },
  },
  dcReviewDcAdmin: {
    key: 'dc.review.dc_admin',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '001 三: 資訊機房管理員審核（GovDesk 預設 3 工作天）',
    label: {
      'zh-TW': '資訊機房管理員審核（3 工作天）',
      en: 'Review by the data-centre administrator (3 working days)',
    },
  },
  dcReviewAssetKeeper: {
    key: 'dc.review.asset_keeper',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '001 三: 資產清冊管理者審核（GovDesk 預設 3 工作天）',
    label: { 'zh-TW': '資產清冊管理者審核（3 工作天）', en: 'Review by the asset-register keeper (3 working days)' },
  },
  dcReviewSecurity: {
    key: 'dc.review.security',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '001 三: 資通安全專職人員審核（GovDesk 預設 3 工作天）',
    label: { 'zh-TW': '資通安全專職人員審核（3 工作天）', en: 'Review by the security officer (3 working days)' },
  },
  dcReviewNetwork: {
    key: 'dc.review.network',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '001 三: 網路連線管理人員審核（GovDesk 預設 3 工作天）',
    label: { 'zh-TW': '網路連線管理人員審核（3 工作天）', en: 'Review by the network administrator (3 working days)' },
  },
  dcReviewAntivirus: {
    key: 'dc.review.antivirus',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '001 三: 防毒軟體業務承辦人審核（GovDesk 預設 3 工作天）',
    label: { 'zh-TW': '防毒軟體業務承辦人審核（3 工作天）', en: 'Review by the antivirus officer (3 working days)' },
  },
  dcReviewMdr: {
    key: 'dc.review.mdr',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '001 三: MDR／EDR 業務承辦人審核（GovDesk 預設 3 工作天）',
    label: { 'zh-TW': 'MDR／EDR 業務承辦人審核（3 工作天）', en: 'Review by the MDR/EDR officer (3 working days)' },
  },
  dcReviewVans: {
    key: 'dc.review.vans',
    basis: 'working',
    targetMs: 3 * WORKING_DAY_MS,
    source: '001 三: VANS 業務承辦人審核（GovDesk 預設 3 工作天）',
    label: { 'zh-TW': 'VANS 業務承辦人審核（3 工作天）', en: 'Review by the VANS officer (3 working days)' },
  },
  dcConsolidation: {
    key: 'dc.consolidation',
    basis: 'working',
    targetMs: 1 * WORKING_DAY_MS,
    source: '001 三.1(2): 資訊機房管理員彙整意見（GovDesk 預設 1 工作天）',
    label: { 'zh-TW': '機房管理員彙整意見（1 工作天）', en: 'Opinions gathered (1 working day)' },
  },
  dcApproval: {
    key: 'dc.approval',
    basis: 'working',
    targetMs: 2 * WORKING_DAY_MS,
    source: '001 一: 網路資安科主管核准（GovDesk 預設 2 工作天）',
    label: { 'zh-TW': '網路資安科主管核准（2 工作天）', en: 'Section chief approves (2 working days)' },
  },
} as const satisfies Record<string, ClockTarget>;

/** Warn the assignee at these shares of a target (configurable per agency). */
export const DEFAULT_WARNING_THRESHOLDS = [0.75, 0.9] as const;

/** SLA-3: a breach escalates one tier up the ladder (ESCALATION_TIERS), and stays at the vendor. */
export function nextTier(tier: EscalationTier): EscalationTier {
  const i = ESCALATION_TIERS.indexOf(tier);
  return ESCALATION_TIERS[Math.min(i + 1, ESCALATION_TIERS.length - 1)]!;
}

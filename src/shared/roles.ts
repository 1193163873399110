/**
 * The roles of ORG-2, defined once. Every role check, the database CHECK constraint, the API
 * schemas and the web app's labels derive from this list.
 */
export const ROLES = [
  'requester',
  'section_chief',
  'division_deputy',
  'division_head',
  'desk_agent',
  'it_officer',
  'it_chief',
  'deputy_director_general',
  'director_general',
  'onsite_manager',
  'vendor_engineer',
  'company_admin',
  'security_officer',
  'dc_admin',
  'asset_keeper',
  'network_admin',
  'antivirus_officer',
  'mdr_officer',
  'vans_officer',
  'netsec_chief',
  'auditor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Labels as the source documents name the roles (zh-TW) and their English equivalents. */
export const ROLE_LABELS: Record<Role, { 'zh-TW': string; en: string }> = {
  requester: { 'zh-TW': '申請人', en: 'Requester' },
  section_chief: { 'zh-TW': '科長', en: 'Section chief' },
  division_deputy: { 'zh-TW': '組室副主管（副組長）', en: 'Division deputy head' },
  division_head: { 'zh-TW': '組室主管（組長）', en: 'Division head' },
  desk_agent: { 'zh-TW': '委外資訊服務台人員', en: 'Service desk agent' },
  it_officer: { 'zh-TW': '資訊服務科承辦人', en: 'IT section officer' },
  it_chief: { 'zh-TW': '資訊科長', en: 'IT section chief' },
  deputy_director_general: { 'zh-TW': '副局長', en: 'Deputy director-general' },
  director_general: { 'zh-TW': '局長', en: 'Director-general' },
  onsite_manager: { 'zh-TW': '委外資訊駐地經理／代理人', en: 'Outsourced on-site manager' },
  vendor_engineer: { 'zh-TW': '委外服務團隊', en: 'Vendor engineer' },
  company_admin: { 'zh-TW': '園區廠商／報關行管理者', en: 'Park company / customs broker administrator' },
  security_officer: { 'zh-TW': '資通安全專職人員', en: 'Security officer' },
  dc_admin: { 'zh-TW': '資訊機房管理員', en: 'Data-centre administrator' },
  asset_keeper: { 'zh-TW': '資產清冊管理者', en: 'Asset-register keeper' },
  network_admin: { 'zh-TW': '網路連線管理人員', en: 'Network administrator' },
  antivirus_officer: { 'zh-TW': '防毒管理人員', en: 'Antivirus officer' },
  mdr_officer: { 'zh-TW': 'MDR／EDR 管理人員', en: 'MDR/EDR officer' },
  vans_officer: { 'zh-TW': 'VANS 管理人員', en: 'VANS officer' },
  netsec_chief: { 'zh-TW': '網路資安科主管', en: 'Network & security section chief' },
  auditor: { 'zh-TW': '稽核人員', en: 'Auditor' },
  admin: { 'zh-TW': '系統管理者', en: 'System administrator' },
};

/** Kinds of account; contractors, vendors and external companies are outside the agency's staff. */
export const USER_KINDS = ['staff', 'contractor', 'vendor', 'external'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/** Kinds of organisation unit (ORG-1): agency → division or office → section. */
export const UNIT_KINDS = ['agency', 'division', 'section'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Roles that may be given a request to work on (the assignee picker; the server checks again). */
export const HANDLER_ROLES: readonly Role[] = [
  'desk_agent',
  'it_officer',
  'it_chief',
  'onsite_manager',
  'vendor_engineer',
];

import type { Role, UnitKind, UserKind } from '../shared/roles.js';

/**
 * The demo agency (ORG-1): 中部科學園區管理局 with the units of 000 附件二; 工商組 holds the IT
 * section 資訊服務科 and 工商外貿科. One demo user for each role of ORG-2.
 */
export const DEMO_AGENCY = { code: 'ctsp', name: '中部科學園區管理局', nameEn: 'Central Taiwan Science Park Bureau' };

export const DEMO_UNITS: ReadonlyArray<{ code: string; parent: string; name: string; nameEn: string; kind: UnitKind }> =
  [
    { code: 'secretariat', parent: 'ctsp', name: '秘書室', nameEn: 'Secretariat', kind: 'division' },
    { code: 'personnel', parent: 'ctsp', name: '人事室', nameEn: 'Personnel Office', kind: 'division' },
    { code: 'commerce', parent: 'ctsp', name: '工商組', nameEn: 'Industry and Commerce Division', kind: 'division' },
    { code: 'it-services', parent: 'commerce', name: '資訊服務科', nameEn: 'IT Services Section', kind: 'section' },
    {
      code: 'foreign-trade',
      parent: 'commerce',
      name: '工商外貿科',
      nameEn: 'Commerce and Foreign Trade Section',
      kind: 'section',
    },
    { code: 'investment', parent: 'ctsp', name: '投資組', nameEn: 'Investment Division', kind: 'division' },
    { code: 'construction', parent: 'ctsp', name: '營建組', nameEn: 'Construction Division', kind: 'division' },
    { code: 'building', parent: 'ctsp', name: '建管組', nameEn: 'Building Administration Division', kind: 'division' },
    {
      code: 'environment',
      parent: 'ctsp',
      name: '環安組',
      nameEn: 'Environment and Safety Division',
      kind: 'division',
    },
    { code: 'planning', parent: 'ctsp', name: '企劃組', nameEn: 'Planning Division', kind: 'division' },
    { code: 'ethics', parent: 'ctsp', name: '政風室', nameEn: 'Civil Service Ethics Office', kind: 'division' },
  ];

export type DemoUser = {
  username: string;
  displayName: string;
  unit: string;
  kind: UserKind;
  roles: ReadonlyArray<{ role: Role; unit: string | null }>;
};

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'staff01',
    displayName: '王小明',
    unit: 'investment',
    kind: 'staff',
    roles: [{ role: 'requester', unit: null }],
  },
  {
    username: 'chief01',
    displayName: '林志明',
    unit: 'foreign-trade',
    kind: 'staff',
    roles: [{ role: 'section_chief', unit: 'foreign-trade' }],
  },
  {
    username: 'deputy01',
    displayName: '陳美玲',
    unit: 'commerce',
    kind: 'staff',
    roles: [{ role: 'division_deputy', unit: 'commerce' }],
  },
  {
    username: 'head01',
    displayName: '張建國',
    unit: 'commerce',
    kind: 'staff',
    roles: [{ role: 'division_head', unit: 'commerce' }],
  },
  {
    username: 'desk01',
    displayName: '李佳穎',
    unit: 'it-services',
    kind: 'contractor',
    roles: [{ role: 'desk_agent', unit: null }],
  },
  {
    username: 'itofficer01',
    displayName: '黃俊傑',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'it_officer', unit: null }],
  },
  {
    username: 'itchief01',
    displayName: '吳淑芬',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'it_chief', unit: 'it-services' }],
  },
  {
    username: 'ddg01',
    displayName: '蔡文雄',
    unit: 'ctsp',
    kind: 'staff',
    roles: [{ role: 'deputy_director_general', unit: null }],
  },
  {
    username: 'dg01',
    displayName: '許志豪',
    unit: 'ctsp',
    kind: 'staff',
    roles: [{ role: 'director_general', unit: null }],
  },
  {
    username: 'onsite01',
    displayName: '鄭雅婷',
    unit: 'it-services',
    kind: 'contractor',
    roles: [{ role: 'onsite_manager', unit: null }],
  },
  {
    username: 'vendor01',
    displayName: '謝宗翰',
    unit: 'it-services',
    kind: 'vendor',
    roles: [{ role: 'vendor_engineer', unit: null }],
  },
  {
    username: 'company01',
    displayName: '劉怡君',
    unit: 'foreign-trade',
    kind: 'external',
    roles: [{ role: 'company_admin', unit: null }],
  },
  {
    username: 'security01',
    displayName: '楊凱翔',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'security_officer', unit: null }],
  },
  {
    username: 'dcadmin01',
    displayName: '周家豪',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'dc_admin', unit: null }],
  },
  {
    username: 'asset01',
    displayName: '徐靜怡',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'asset_keeper', unit: null }],
  },
  {
    username: 'network01',
    displayName: '孫偉倫',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'network_admin', unit: null }],
  },
  {
    username: 'antivirus01',
    displayName: '馬欣怡',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'antivirus_officer', unit: null }],
  },
  {
    username: 'mdr01',
    displayName: '朱冠宇',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'mdr_officer', unit: null }],
  },
  {
    username: 'vans01',
    displayName: '胡雅雯',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'vans_officer', unit: null }],
  },
  {
    username: 'netsec01',
    displayName: '郭明哲',
    unit: 'it-services',
    kind: 'staff',
    roles: [{ role: 'netsec_chief', unit: null }],
  },
  {
    username: 'auditor01',
    displayName: '何佩珊',
    unit: 'ethics',
    kind: 'staff',
    roles: [{ role: 'auditor', unit: null }],
  },
];

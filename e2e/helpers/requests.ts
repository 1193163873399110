import type { Page } from 'playwright-core';
import { localDateOf } from '../../src/domain/calendar/working-time.js';
import type { RequestCreate, RequestDetail } from '../../src/shared/api/request.schema.js';
import type { RequestType } from '../../src/shared/request-vocabulary.js';

/** A valid `form` (the type's own fields, issue 3) for each type, used when a test gives none. */
export const EXAMPLE_FORMS: Record<RequestType, Record<string, unknown>> = {
  general: {},
  app_dev: { system: '公文管理系統', requestKind: 'bug_fix' },
  equipment: { items: '筆記型電腦 1 台', purpose: '新進人員辦公使用', budgetAllocated: true },
  web_content: { menu: '最新消息', item: '活動公告', changeKind: 'update' },
  relocation: { equipment: '個人電腦 1 台', fromLocation: '投資組 201 室', toLocation: '投資組 305 室' },
  security_incident: {
    agencyName: '中部科學園區管理局',
    reporterName: '王小明',
    reporterPhone: '04-2565-8588',
    occurredAt: '2026-11-20T09:30:00+08:00',
    category: 'virus',
    damage: 'crash',
    description: '個人電腦疑似感染病毒，已中斷網路連線。',
  },
  vendor_account: {
    park: 'ctsp',
    applicationCategory: 'new',
    applicantKind: 'park_company',
    companyCode: 'C0001',
    companyName: '中科精密股份有限公司',
    responsiblePerson: '陳大文',
    adminEmployeeNo: 'E1001',
    adminName: '林小華',
    adminPhone: '04-2345-6789',
    adminDepartment: '資訊部',
    adminSupervisor: '張經理',
    adminEmail: 'it@example.com',
  },
  dc_equipment: {
    movement: 'move_out',
    letterNumber: '中科投字第1150000001號',
    letterDate: '2026-11-20',
    systemName: '投資案件管理系統',
    agencySealed: true,
    devices: [
      {
        name: '舊應用伺服器',
        deviceType: 'server_ap',
        brand: 'HPE',
        model: 'DL380 Gen9',
        serialNumber: 'SGH000001',
        os: 'linux',
        osVersion: 'RHEL 7',
        cpu: '無',
        memory: '無',
        disk: '無',
        software: '無',
        database: '無',
        purpose: '報廢移出',
        custodian: '王小明',
        maintenanceVendor: '無',
        warranty: '無',
        rackUnits: 2,
        needsIp: 'none',
        assetNumber: 'DC-0001',
      },
    ],
  },
  rule_change: {
    agencyName: '財政部關務署',
    ruleName: '進口報單欄位檢核規則',
    changeKind: 'modify',
    changeDescription: '進口報單之貨物稅則號列改為 11 碼檢核。',
    contactName: '李小姐',
    contactEmail: 'rules@customs.example',
    contactPhone: '02-2550-5500',
  },
};

/** Files a request through the API with the page's session (and its CSRF token): quick set-up data. */
export async function fileRequestViaApi(page: Page, fields: Partial<RequestCreate> = {}): Promise<RequestDetail> {
  const session = await page.request.get('/api/auth/session');
  const { user, csrfToken } = (await session.json()) as {
    user: { id: string; unitId: string; displayName: string };
    csrfToken: string;
  };
  const body: RequestCreate = {
    unitId: user.unitId,
    applicantUserId: user.id,
    applicantName: user.displayName,
    applicantPhone: '04-2565-8588',
    applicationDate: '2026-11-20',
    wishedDate: '2026-12-18',
    title: '會議室投影機無法連線',
    description: '第二會議室的投影機無法透過 HDMI 連接筆電。',
    form: EXAMPLE_FORMS[fields.type ?? 'general'],
    ...fields,
  };
  const response = await page.request.post('/api/requests', {
    data: body,
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (response.status() !== 201) throw new Error(`Filing failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as RequestDetail;
}

/**
 * A date `days` after today in Taipei, `YYYY-MM-DD`: for rules that count from the day of filing
 * (lead times). Taipei's day, as the app's: from 16:00 UTC the machine's date is a day behind.
 */
export function isoDaysFromToday(days: number): string {
  return localDateOf(Date.now() + days * 86_400_000);
}

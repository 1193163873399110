import type { Workflow } from '../../domain/workflow/index.js';
import { renderDcForm } from './dc-forms.js';
import { FormWriter, rocDate, rocDateTime } from './form-writer.js';

/**
 * The printed forms of 000 (DOC-1): 附件一 資訊服務申請單 for the requests of ch. 2.1–2.5, 附件三
 * 資通安全事件通報單 for incidents, 附件四 廠商共用性資訊服務系統管理者申請表 for vendor
 * accounts, the data-centre move-in/out form (dc-forms.ts), and a plain record for a type with no
 * paper form (the rule-change notice of 004); filled in from the request, its
 * type's form and what its workflow recorded.
 */
export type PrintableRequest = {
  agencyName: string;
  number: string;
  unitName: string;
  applicantName: string;
  applicantPhone: string;
  applicationDate: string;
  wishedDate: string;
  title: string;
  description: string;
  createdAt: Date;
  assigneeName: string | null;
  form: Record<string, unknown>;
  data: Record<string, unknown>;
  /** Display names of the people the recorded steps name. */
  names: ReadonlyMap<string, string>;
  /** The returned request this one applies again for (issue 6), by its number. */
  previousNumber?: string | null;
};

type Entry = Record<string, unknown> & { by?: string; at?: string };
type Labels = Record<
  string,
  { 'x-label'?: { 'zh-TW': string }; 'x-enum-labels'?: Record<string, { 'zh-TW': string }> }
>;

/** The ideographic space that separates parts of a line on government forms. */
const SPACE = '\u3000';
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const entry = (data: Record<string, unknown>, path: string): Entry | undefined => {
  let node: unknown = data;
  for (const part of path.split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Entry) : undefined;
};
const check = (on: boolean) => (on ? '■' : '□');

function signer(r: PrintableRequest, e: Entry | undefined): string {
  if (!e) return '';
  const who = e.by ? (r.names.get(e.by) ?? '') : '';
  return `${who}${e.at ? `（${rocDate(e.at)}）` : ''}`;
}

/** The type's own fields with their labels, one per line (enum values as their labels). */
function formLines(r: PrintableRequest, wf: Workflow): string {
  const props = ((wf.definition.form as { properties?: Labels }).properties ?? {}) as Labels;
  return Object.entries(r.form)
    .filter(([, v]) => v !== undefined && v !== '' && v !== null)
    .map(([k, v]) => {
      const p = props[k];
      const label = p?.['x-label']?.['zh-TW'] ?? k;
      const show = (x: unknown) =>
        typeof x === 'boolean' ? (x ? '是' : '否') : (p?.['x-enum-labels']?.[String(x)]?.['zh-TW'] ?? str(x));
      return `${label}：${Array.isArray(v) ? v.map(show).join('、') : show(v)}`;
    })
    .join('\n');
}

async function attachment1(r: PrintableRequest, wf: Workflow): Promise<Buffer> {
  const w = await FormWriter.create(`${r.agencyName}資訊服務申請單 ${r.number}`);
  const opinion = (path: string) => str(entry(r.data, path)?.['opinion']);
  const footer = (path: string) =>
    `(日期：${rocDate(entry(r.data, path)?.at)})${SPACE}${signer(r, entry(r.data, path)).replace(/（.*）$/, '')}`;
  w.heading(`${r.agencyName}資訊服務申請單`);
  w.line(`單號：${r.number}`, { align: 'right' });
  w.row([
    { label: '申請單位', value: r.unitName, width: 3 },
    { label: '申請人', value: r.applicantName, width: 2 },
    { label: '電話', value: r.applicantPhone, width: 2 },
  ]);
  w.row([
    { label: '申請日期', value: rocDate(r.applicationDate), width: 1 },
    { label: '希望完成日期', value: rocDate(r.wishedDate), width: 1 },
  ]);
  w.row(
    [
      { label: '科長（請簽章）', value: signer(r, entry(r.data, 'signoffs.section_chief')), width: 1 },
      { label: '組室副主管', value: signer(r, entry(r.data, 'signoffs.division_deputy')), width: 1 },
      { label: '組室主管', value: signer(r, entry(r.data, 'signoffs.division_head')), width: 1 },
    ],
    40,
  );
  w.line(
    '申請備註說明：1. 硬體設備申請，如使用者為委外人員者，請先確認合約無提供硬體設備或檢附經長官核准之公文，再行申請（並請於三週前提出申請）。2. 填妥經主管簽章後擲交中科駐點資訊服務台處理',
    { size: 8 },
  );
  const extra = formLines(r, wf);
  w.block(
    '➤ 申請服務事項：',
    `${wf.definition.title['zh-TW']}：${r.title}\n${r.description}${extra ? `\n${extra}` : ''}`,
    {
      minHeight: 80,
    },
  );
  w.block('承辦人意見：', opinion('opinions.handler'), { footer: footer('opinions.handler') });
  w.block('資訊承辦人意見：', opinion('opinions.it_officer'), { footer: footer('opinions.it_officer') });
  w.block('科長意見：', opinion('opinions.it_chief'), { footer: footer('opinions.it_chief') });
  w.block('副組長意見：', opinion('opinions.division_deputy'), { footer: footer('opinions.division_deputy') });
  w.block('組長意見：', opinion('opinions.division_head'), { footer: footer('opinions.division_head') });
  w.line('……（以下由資訊服務人員填寫）', { size: 9 });
  const dispatch = entry(r.data, 'dispatch');
  const completion = entry(r.data, 'completion');
  w.row([
    { label: '單號', value: r.number, width: 2 },
    { label: '處理人員', value: str(dispatch?.['handler']) || (r.assigneeName ?? ''), width: 2 },
    { label: '審核人員', value: signer(r, entry(r.data, 'opinions.it_officer')).replace(/（.*）$/, ''), width: 2 },
  ]);
  w.row([
    { label: '預計上線（完成）時間', value: rocDate(str(dispatch?.['plannedCompletionDate']) || null), width: 1 },
    { label: '實際上線（完成）時間', value: rocDate(str(completion?.['actualCompletionDate']) || null), width: 1 },
  ]);
  w.block('➤ 處理經過、結果：', str(completion?.['handlingResult']), { minHeight: 60 });
  w.block('建議改善事項：', str(completion?.['improvementSuggestions']));
  const confirmation = entry(r.data, 'confirmation');
  w.block('申請者確認', str(confirmation?.['comment']), { footer: `(日期：${rocDate(confirmation?.at)})` });
  w.line('更新日期：109年05月18日:V10　由 GovDesk 產生', { size: 8, align: 'right' });
  return w.toBuffer();
}

async function attachment3(r: PrintableRequest): Promise<Buffer> {
  const f = r.form;
  const incident = entry(r.data, 'incident') ?? {};
  const external = entry(r.data, 'externalReport') ?? {};
  const resolution = entry(r.data, 'resolution') ?? {};
  const w = await FormWriter.create(`${r.agencyName} 資通安全事件通報單 ${r.number}`);
  w.heading(`${str(f['agencyName']) || r.agencyName} 資通安全事件通報單`);
  w.line(
    '洽詢電話：(02)27339922、0932214565　傳真：(02)27331655 或 逕送：台北市大安區 106 富陽街 116 號　上網通報網址：www.ncert.nat.gov.tw',
    { size: 8 },
  );
  w.row([
    { label: '填報時間', value: rocDateTime(r.createdAt), width: 3 },
    { label: '編號', value: str(incident['reportNo']) || str(external['reportNo']) || r.number, width: 2 },
  ]);
  w.line('一、發生資通安全事件之機關（機構）聯絡資料：', { size: 10 });
  w.row([
    { label: '機關（機構）名稱', value: str(f['agencyName']), width: 1 },
    { label: '主管機關', value: str(f['supervisingAgency']), width: 1 },
  ]);
  w.row([
    { label: '通報人', value: str(f['reporterName']), width: 2 },
    { label: '電話', value: str(f['reporterPhone']), width: 2 },
    { label: '傳真', value: str(f['reporterFax']), width: 2 },
    { label: 'E-mail', value: str(f['reporterEmail']), width: 3 },
  ]);
  w.line('二、各機關因受外在因素所產生資通安全事件時通報事項：', { size: 10 });
  w.row([{ label: '1. 事件發生時間', value: rocDateTime(str(f['occurredAt']) || null), width: 1 }]);
  w.row([{ label: '◎IP 位址（IP Address）', value: str(f['ipAddress']) || '無', width: 1 }]);
  w.row([{ label: '◎網際網路位址（Web-URL）', value: str(f['webUrl']) || '無', width: 1 }]);
  w.row([
    { label: '◎設備廠牌、機型', value: str(f['deviceBrandModel']), width: 1 },
    { label: '◎作業系統名稱、版本', value: str(f['osNameVersion']), width: 1 },
  ]);
  w.row([{ label: '◎已裝置之安全機制', value: str(f['securityMechanisms']), width: 1 }]);
  const grade = str(incident['grade']);
  w.block(
    '3. 資通安全事件資料 ◎影響等級：',
    [
      `${check(grade === 'A')}『A』級：影響公共安全、社會秩序、人民生命財產`,
      `${check(grade === 'B')}『B』級：業務無法運作，系統停頓`,
      `${check(grade === 'C')}『C』級：系統效率降低，業務中斷`,
      `${check(grade === 'D')}『D』級：業務短暫停頓，可立即修復`,
      incident['level'] ? `（資通安全事件通報應變辦法：第 ${str(incident['level'])} 級）` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const category = str(f['category']);
  const damage = str(f['damage']);
  w.row([
    {
      label: '◎事件分類',
      value: `${check(category === 'intrusion')}非法入侵 ${check(category === 'virus')}感染病毒 ${check(category === 'denial_of_service')}阻斷服務 ${check(category === 'other')}其他：${str(f['categoryOther'])}`,
      width: 1,
    },
  ]);
  w.row([
    {
      label: '◎破壞程度',
      value: `${check(damage === 'crash')}系統當機 ${check(damage === 'database_damaged')}資料庫毀損 ${check(damage === 'web_defaced')}網頁遭篡改 ${check(damage === 'other')}其他：${str(f['damageOther'])}`,
      width: 1,
    },
  ]);
  w.block('◎事件說明：', str(f['description']));
  w.block('◎可能影響範圍及損失評估：', str(incident['impact']));
  w.block('◎應變措施：', str(incident['response']));
  w.block('三、期望支援項目：', str(incident['supportWanted']));
  w.block('四、解決辦法：', str(resolution['solution']));
  w.row([{ label: '五、已修護時間', value: rocDateTime(str(resolution['repairedAt']) || null), width: 1 }]);
  w.row([
    { label: '通報上級主管機關時間', value: rocDateTime(str(external['reportedToSuperiorAt']) || null), width: 1 },
    {
      label: '通報國家資通安全會報時間',
      value: rocDateTime(str(external['reportedToNationalCertAt']) || null),
      width: 1,
    },
  ]);
  w.line(
    '■ 資安事件發生後需至通報網站進行通報，若無法上網填報可先填具『資通安全事件通報單』透過電話、傳真或電子郵件等方式，傳送至通報應變組，待可上網時依然要確實上網填報。',
    { size: 8 },
  );
  return w.toBuffer();
}

async function attachment4(r: PrintableRequest): Promise<Buffer> {
  const f = r.form;
  const w = await FormWriter.create(`${r.agencyName} 廠商共用性資訊服務系統管理者申請表 ${r.number}`);
  w.heading(r.agencyName, 14).heading('廠商共用性資訊服務系統管理者申請表');
  w.line(`單號：${r.number}`, { align: 'right' });
  w.row([
    { label: '申請日期', value: `民國 ${rocDate(r.applicationDate)}`, width: 1 },
    { label: '申請園區', value: '中部科學園區管理局', width: 1 },
    { label: '申請類別', value: '新申請', width: 1 },
  ]);
  w.line('公司基本資料', { size: 10 });
  w.row([
    { label: '公司代碼', value: str(f['companyCode']), width: 1 },
    { label: '公司名稱', value: str(f['companyName']), width: 2 },
  ]);
  w.row(
    [
      { label: '（請蓋公司章）', width: 1 },
      { label: '負責人', value: `${str(f['responsiblePerson'])}${SPACE}（請蓋章）`, width: 1 },
    ],
    70,
  );
  w.line('系統管理者資料', { size: 10 });
  w.row([
    { label: '員工編號', value: str(f['adminEmployeeNo']), width: 1 },
    { label: '姓名', value: `${str(f['adminName'])}${SPACE}（簽章）`, width: 2 },
  ]);
  w.row([
    { label: '電話', value: str(f['adminPhone']), width: 2 },
    { label: '分機', value: str(f['adminExtension']), width: 1 },
    { label: '部門', value: str(f['adminDepartment']), width: 2 },
  ]);
  w.row([
    { label: '主管', value: `${str(f['adminSupervisor'])}${SPACE}（簽章）`, width: 1 },
    { label: 'E-Mail', value: str(f['adminEmail']), width: 1 },
  ]);
  w.gap();
  w.line('備註：', { size: 9 });
  w.line(
    '‧申請資料請附上【紙本帳號管理者申請表】（須蓋公司大小章），請寄送到本局資訊服務台收，待本局審核完畢後將寄發 E-Mail 通知您。',
    { size: 9 },
  );
  w.line('‧申請表請郵寄至 中部科學園區管理局 資訊服務台 啟　40763 台中市西屯區中科路 2 號', { size: 9 });
  w.line(
    '‧本申請單將於收件後於三個工作天內完成審查，查詢審查進度請洽本局資訊服務台　電話：(04)25658588#7201　傳真：(04)25692174　E-Mail：service_ctsp@ctsp.gov.tw',
    { size: 9 },
  );
  return w.toBuffer();
}

/** A value as printed: yes/no, an enum value's label, a list joined. */
function shown(value: unknown, label: Labels[string] | undefined): string {
  const one = (x: unknown) =>
    typeof x === 'boolean' ? (x ? '是' : '否') : (label?.['x-enum-labels']?.[String(x)]?.['zh-TW'] ?? str(x));
  return Array.isArray(value) ? value.map(one).join('、') : one(value);
}

/**
 * The printed record of a type with no official paper form (the rule-change notice of 004): the
 * request, its form with the form's labels, and every step its workflow recorded, signed and dated.
 */
async function record(r: PrintableRequest, wf: Workflow): Promise<Buffer> {
  const w = await FormWriter.create(`${r.agencyName}${wf.definition.title['zh-TW']} ${r.number}`);
  w.heading(r.agencyName, 14).heading(wf.definition.title['zh-TW']);
  w.line(`單號：${r.number}`, { align: 'right' });
  w.row([
    { label: '申請單位', value: r.unitName, width: 3 },
    { label: '申請人', value: r.applicantName, width: 2 },
    { label: '電話', value: r.applicantPhone, width: 2 },
  ]);
  w.row([
    { label: '申請日期', value: rocDate(r.applicationDate), width: 1 },
    { label: '預定日期', value: rocDate(r.wishedDate), width: 1 },
  ]);
  w.block('主旨', r.title);
  w.block('說明', [r.description, formLines(r, wf)].filter(Boolean).join('\n'), { minHeight: 60 });
  for (const action of Object.values(wf.definition.actions)) {
    if (!action.record) continue;
    const e = entry(r.data, action.record.replace(/\[\]$/, ''));
    if (!e) continue;
    const props = ((action.fields as { properties?: Labels } | undefined)?.properties ?? {}) as Labels;
    const lines = Object.entries(e)
      .filter(([k, v]) => k !== 'by' && k !== 'at' && v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `${props[k]?.['x-label']?.['zh-TW'] ?? k}：${shown(v, props[k])}`);
    w.block(action.label['zh-TW'], lines.join('\n'), { footer: signer(r, e) });
  }
  return w.toBuffer();
}

/** The request's printed form, as its type's definition names it (`filing.document`). */
export function renderRequestForm(r: PrintableRequest, wf: Workflow): Promise<Buffer> {
  switch (wf.definition.filing.document) {
    case 'attachment_3':
      return attachment3(r);
    case 'attachment_4':
      return attachment4(r);
    case 'record':
      return record(r, wf);
    case 'dc_form':
      return renderDcForm(r);
    default:
      return attachment1(r, wf);
  }
}

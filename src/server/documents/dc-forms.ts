import {
  DC_DECISIONS,
  DC_DECISION_LABELS,
  DC_DEVICE_TYPES,
  DC_DEVICE_TYPE_LABELS,
  DC_IP_NEEDS,
  DC_MOVEMENTS,
  DC_MOVEMENT_LABELS,
  DC_OPERATING_SYSTEMS,
  DC_OS_LABELS,
  DC_REVIEWERS,
  DC_SEVERITIES,
  DC_SEVERITY_LABELS,
  DC_TESTS,
  DC_TEST_LABELS,
  AGENT_OPERATING_SYSTEMS,
  INBOUND_MOVEMENTS,
  devicesNeedingNumbers,
  requiredTests,
  type DcDevice,
  type DcMovement,
} from '../../shared/data-centre.js';
import { FormWriter, rocDate, type Cell } from './form-writer.js';
import type { PrintableRequest } from './request-forms.js';

/**
 * The printed documents of a data-centre application (issue 6, 001): the 資訊機房設備／系統移
 * （攜）出入申請單 with its front page (the application, the data centre's entries and the
 * reviewers' opinions) and its back page (軟硬體資產資料, one block per device), and the return
 * letter (檢還函) that sends an incomplete application back to the agency.
 */

type Entry = Record<string, unknown> & { by?: string; at?: string };

const SPACE = '\u3000';
const IP_NEED_LABELS: Record<(typeof DC_IP_NEEDS)[number], string> = {
  none: '不需要',
  internal: '內部 IP',
  external: '外部 IP',
  both: '內部及外部 IP',
};
/** Numbers of the items of an official letter's 說明. */
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
const check = (on: boolean) => (on ? '■' : '□');
const numeral = (i: number) => CHINESE_NUMERALS[i] ?? String(i + 1);

function entry(data: Record<string, unknown>, path: string): Entry | undefined {
  let node: unknown = data;
  for (const part of path.split('.')) node = isRecord(node) ? node[part] : undefined;
  return isRecord(node) ? (node as Entry) : undefined;
}

/** The application as printed: its form read defensively (a form is checked when filed, not here). */
function applicationOf(r: PrintableRequest) {
  const devices = (Array.isArray(r.form['devices']) ? r.form['devices'] : []).map(
    (d): DcDevice & Record<string, unknown> => (isRecord(d) ? d : {}),
  );
  const movement: DcMovement = oneOf(DC_MOVEMENTS, r.form['movement']) ?? 'move_in';
  const admin = entry(r.data, 'review.dc_admin') ?? {};
  const network = entry(r.data, 'review.network') ?? {};
  const given = strings(admin['assetNumbers']);
  const needing = devicesNeedingNumbers(r.form);
  // 資產編號: the registered number the applicant names (move-out), or the one the data centre gave.
  const assetNumbers = devices.map((d, i) => {
    const k = needing.indexOf(i);
    return str(d.assetNumber) || (k >= 0 ? (given[k] ?? '') : '');
  });
  const racks = strings(admin['rackLocations']);
  const ips = strings(network['ipAddresses']);
  return { devices, movement, admin, assetNumbers, racks, ips };
}

const signedBy = (r: PrintableRequest, e: Entry | undefined): string => (e?.by ? (r.names.get(e.by) ?? '') : '');
const signedOn = (e: Entry | undefined): string => (e?.at ? rocDate(e.at) : '');

function deviceTypeLabel(d: DcDevice): string {
  const type = oneOf(DC_DEVICE_TYPES, d.deviceType);
  return type ? DC_DEVICE_TYPE_LABELS[type]['zh-TW'] : '';
}

function osLabel(d: Record<string, unknown>): string {
  const os = oneOf(DC_OPERATING_SYSTEMS, d['os']);
  return [os ? DC_OS_LABELS[os]['zh-TW'] : '', str(d['osVersion'])].filter(Boolean).join(' ');
}

function ipNeedLabel(d: DcDevice): string {
  const need = oneOf(DC_IP_NEEDS, d.needsIp);
  return need ? IP_NEED_LABELS[need] : '';
}

/** Page 1 (正面): the application, the data centre's entries, the seals and the reviewers' opinions. */
function frontPage(w: FormWriter, r: PrintableRequest): void {
  const f = r.form;
  const app = applicationOf(r);
  w.heading(`${r.agencyName}資訊機房設備／系統移（攜）出入申請單`, 15);
  w.line(
    `申請單號：${r.number}${r.previousNumber ? `（重新申請，原申請單號 ${r.previousNumber}）` : ''}${SPACE}第 1 頁（正面）`,
    { align: 'right' },
  );
  w.row([
    { label: '申請機關', value: r.unitName, width: 3 },
    { label: '申請人', value: r.applicantName, width: 2 },
    { label: '電話', value: r.applicantPhone, width: 2 },
  ]);
  w.row([
    { label: '申請日期', value: rocDate(r.applicationDate), width: 1 },
    { label: '預定移（攜）出入日期', value: rocDate(r.wishedDate), width: 1 },
  ]);
  w.row([
    {
      label: '移（攜）出入別',
      value: DC_MOVEMENTS.map((m) => `${check(m === app.movement)}${DC_MOVEMENT_LABELS[m]['zh-TW']}`).join(SPACE),
      width: 1,
    },
  ]);
  w.row([
    { label: '系統名稱', value: str(f['systemName']), width: 4 },
    { label: '申請函文號', value: str(f['letterNumber']), width: 5 },
    { label: '申請函日期', value: rocDate(str(f['letterDate']) || null), width: 4 },
  ]);
  w.row([{ label: '事由', value: [r.title, r.description].filter(Boolean).join('\n'), width: 1 }]);
  w.line(`移（攜）出入設備（共 ${app.devices.length} 項，各項軟硬體資產資料詳第 2 頁背面）`, { size: 10, bold: true });
  w.table(
    [
      { label: '項次', width: 3, align: 'center' },
      { label: '設備名稱', width: 12 },
      { label: '設備種類', width: 11 },
      { label: '廠牌／型號', width: 12 },
      { label: '序號', width: 9 },
      { label: '高度（U）', width: 6, align: 'center' },
      { label: 'IP 需求', width: 7 },
      { label: '資產編號（數位發展局填寫）', width: 12 },
    ],
    app.devices.map((d, i) => [
      String(i + 1),
      str(d.name),
      deviceTypeLabel(d),
      [str(d['brand']), str(d['model'])].filter(Boolean).join('／'),
      str(d['serialNumber']),
      str(d['rackUnits']),
      ipNeedLabel(d),
      app.assetNumbers[i] ?? '',
    ]),
    8,
  );
  w.row(
    [
      { label: '申請機關核章（承辦人）', width: 1 },
      { label: '申請機關核章（單位主管）', width: 1 },
      {
        label: '申請單正本',
        value: `${check(f['agencySealed'] === true)}申請機關已核章`,
        width: 1,
      },
    ],
    48,
  );
  w.line('……（以下由數位發展局填寫）', { size: 9 });
  const receipt = entry(r.data, 'receipt');
  w.row([
    { label: '收件日期', value: rocDate(str(receipt?.['receivedOn']) || null), width: 1 },
    { label: '收件人', value: signedBy(r, receipt), width: 1 },
  ]);
  const numbered = app.devices
    .map((d, i) => (app.assetNumbers[i] ? `${i + 1}. ${str(d.name)}：${app.assetNumbers[i]}` : ''))
    .filter(Boolean);
  w.row([
    {
      label: '資產編號',
      value: numbered.length > 3 ? `共 ${numbered.length} 項，詳上表及第 2 頁各設備` : numbered.join('；'),
      width: 1,
    },
  ]);
  w.row([{ label: '配合事項', value: str(app.admin['coordination']), width: 1 }], 30);
  w.row([
    { label: '虛擬主機位置', value: str(app.admin['vmLocation']), width: 4 },
    { label: '管理帳號', value: str(app.admin['managementAccount']), width: 3 },
    // 001: the password is never written into GovDesk; it is told apart or written in by hand.
    { label: '密碼', value: '（密碼另行通知）', width: 3 },
  ]);

  w.line('審查意見（由資訊機房管理員收件並彙整以下人員意見）', { size: 10, bold: true });
  w.table(
    [
      { label: '審查人員', width: 10 },
      { label: '審查結果', width: 7 },
      { label: '意見', width: 17 },
      { label: '簽章', width: 9 },
      { label: '日期', width: 7 },
    ],
    DC_REVIEWERS.map((reviewer) => {
      const e = entry(r.data, `review.${reviewer.key}`);
      const decision = oneOf(DC_DECISIONS, e?.['decision']);
      return [
        reviewer.label['zh-TW'],
        decision ? DC_DECISION_LABELS[decision]['zh-TW'] : '',
        str(e?.['opinion']),
        signedBy(r, e),
        signedOn(e).replaceAll(' ', ''),
      ];
    }),
  );
  const correction = entry(r.data, 'correction');
  if (correction) {
    const response = entry(r.data, 'correctionResponse');
    w.row([
      {
        label: '通知修正',
        value: `${str(correction['reasons'])}（${signedBy(r, correction)}，${signedOn(correction)}）${
          response ? `\n申請機關修正說明：${str(response['note'])}（${signedOn(response)}）` : ''
        }`,
        width: 1,
      },
    ]);
  }
  const consolidation = entry(r.data, 'consolidation');
  w.row([
    {
      label: '資訊機房管理員彙整意見',
      value: consolidation
        ? `${str(consolidation['opinion'])}（${signedBy(r, consolidation)}，${signedOn(consolidation)}）`
        : '',
      width: 1,
    },
  ]);
  const approval = entry(r.data, 'approval');
  const sentBack = entry(r.data, 'approvalReturn');
  w.row(
    [
      {
        label: '網路資安科主管',
        value: approval
          ? `${check(true)}核准${str(approval['opinion']) ? `：${str(approval['opinion'])}` : ''}`
          : sentBack
            ? `${check(false)}核准${SPACE}退回：${str(sentBack['opinion'])}`
            : `${check(false)}核准`,
        width: 5,
      },
      { label: '簽章', value: signedBy(r, approval), width: 2 },
      { label: '日期', value: signedOn(approval), width: 3 },
    ],
    34,
  );
  const returned = entry(r.data, 'returnLetter');
  if (returned) {
    w.line(
      `本申請已於 ${signedOn(returned)} 發文檢還${str(returned['letterNumber']) ? `（${str(returned['letterNumber'])}）` : ''}：${str(returned['reasons'])}`,
      { size: 9 },
    );
  }
}

/** One device's security tests: those its type requires (001's table) and any other entered. */
function testRows(d: DcDevice, inbound: boolean): string[][] {
  const required = inbound ? requiredTests(d) : [];
  const entered = isRecord(d.tests) ? d.tests : {};
  return DC_TESTS.filter((t) => required.includes(t) || isRecord(entered[t])).map((t) => {
    const result = isRecord(entered[t]) ? entered[t] : {};
    const severity = oneOf(DC_SEVERITIES, result['highestSeverity']);
    return [
      DC_TEST_LABELS[t]['zh-TW'],
      required.includes(t) ? '應附' : '自行檢附',
      rocDate(str(result['date']) || null),
      severity ? DC_SEVERITY_LABELS[severity]['zh-TW'] : '',
    ];
  });
}

/** Page 2 (背面) 軟硬體資產資料: every field of every device, the data centre's columns marked. */
function backPage(w: FormWriter, r: PrintableRequest): void {
  const app = applicationOf(r);
  const inbound = INBOUND_MOVEMENTS.includes(app.movement);
  w.newPage();
  w.heading('軟硬體資產資料', 15);
  w.line(`申請單號：${r.number}${SPACE}系統名稱：${str(r.form['systemName'])}${SPACE}第 2 頁（背面）`, {
    align: 'right',
  });
  w.line(
    '除註明「數位發展局填寫」欄位申請人不需填寫外，其他欄位申請人均須填妥；如欄位無資料可填，也需填「無」，以示負責。設備需要內部／外部 IP 位址者，請同時填妥「主機設備網路連線申請單」及「SSLVPN 網路連線維護申請單」；虛擬主機欄位免填寫。',
    { size: 8 },
  );
  const testColumns = [
    { label: '資訊安全檢測項目', width: 9 },
    { label: '檢附', width: 3, align: 'center' as const },
    { label: '檢測日期', width: 5 },
    { label: '最高風險等級', width: 4 },
  ];
  app.devices.forEach((d, i) => {
    const type = oneOf(DC_DEVICE_TYPES, d.deviceType);
    const os = oneOf(DC_OPERATING_SYSTEMS, d['os']);
    const agents = inbound && os !== null && AGENT_OPERATING_SYSTEMS.includes(os);
    const tests = testRows(d, inbound);
    const rows: Cell[][] = [
      [
        { label: '設備名稱', value: str(d.name), width: 3 },
        {
          label: '設備種類',
          value: `${deviceTypeLabel(d)}${type === 'web_ap' ? `${SPACE}${check(d.publicFacing === true)}外網網站供民眾上網使用` : ''}`,
          width: 4,
        },
      ],
      [
        { label: '廠牌', value: str(d['brand']), width: 1 },
        { label: '型號', value: str(d['model']), width: 1 },
        { label: '序號', value: str(d['serialNumber']), width: 1 },
      ],
      [
        { label: '作業系統（版本）', value: osLabel(d), width: 3 },
        { label: 'CPU', value: str(d['cpu']), width: 2 },
        { label: '記憶體', value: str(d['memory']), width: 2 },
        { label: '硬碟容量', value: str(d['disk']), width: 2 },
      ],
      [
        { label: '應用軟體', value: str(d['software']), width: 1 },
        { label: '資料庫', value: str(d['database']), width: 1 },
      ],
      [{ label: '用途', value: str(d['purpose']), width: 1 }],
      [
        { label: '保管人', value: str(d['custodian']), width: 2 },
        { label: '維護廠商', value: str(d['maintenanceVendor']), width: 3 },
        { label: '保固期限', value: str(d['warranty']), width: 2 },
      ],
      [
        { label: '設備高度（U）', value: str(d['rackUnits']), width: 2 },
        { label: 'IP 位址需求', value: ipNeedLabel(d), width: 2 },
        { label: 'IP 位置（數位發展局填寫）', value: app.ips[i] ?? '', width: 4 },
      ],
      [
        { label: '資產編號（數位發展局填寫）', value: app.assetNumbers[i] ?? '', width: 1 },
        { label: '機櫃位置（數位發展局填寫）', value: app.racks[i] ?? '', width: 1 },
      ],
      [
        {
          label: '資訊安全軟體（防毒／端點 MDR／VANS）',
          value: agents ? '須安裝並檢附安裝佐證' : '不適用',
          width: 1,
        },
      ],
    ];
    if (tests.length === 0) {
      rows.push([
        {
          label: '資訊安全檢測',
          value: inbound
            ? '本設備種類無需檢附資安檢測報告（Disk Array、Storage、網路設備、嵌入式系統設備及更換零件）'
            : '移出／攜出設備免附資安檢測報告',
          width: 1,
        },
      ]);
    }
    // A device's block stays on one page: its heading, its rows and its tests.
    const height =
      rows.reduce((sum, cells) => sum + w.rowHeight(cells), 0) +
      (tests.length > 0 ? w.tableHeight(testColumns, tests) : 0);
    w.keep(height + 26);
    w.gap(6);
    w.line(`設備 ${i + 1}／${app.devices.length}：${str(d.name)}`, { size: 11, bold: true });
    for (const cells of rows) w.row(cells);
    if (tests.length > 0) w.table(testColumns, tests);
  });
  w.gap(6);
  w.line(
    '資訊安全檢測報告之檢測日期須在設備申請移入機房前一個月內執行並完成，且無中風險以上之弱點方為審查合格（TC-ISMS-2-08 資訊系統上／下線管理程序）。',
    { size: 8 },
  );
}

/** 資訊機房設備／系統移（攜）出入申請單, both pages, filled in. */
export async function renderDcForm(r: PrintableRequest): Promise<Buffer> {
  const w = await FormWriter.create(`${r.agencyName}資訊機房設備／系統移（攜）出入申請單 ${r.number}`);
  frontPage(w, r);
  backPage(w, r);
  w.line(`由 GovDesk 產生${SPACE}申請單號 ${r.number}`, { size: 8, align: 'right' });
  return w.toBuffer();
}

/**
 * The return letter (檢還函, 001 二: incomplete documents are returned by letter, and the agency
 * applies again when they are complete): 函 layout with 受文者, 發文日期, 發文字號, 主旨, 說明,
 * 正本 and 副本. Reasons: what the letter records, and the opinions of the reviewers who found the
 * application wanting.
 */
export async function renderReturnLetter(r: PrintableRequest): Promise<Buffer> {
  const f = r.form;
  const app = applicationOf(r);
  const letter = entry(r.data, 'returnLetter') ?? {};
  // A letter writes its dates without spaces: 115年11月20日.
  const dateOf = (v: string | null | undefined) => rocDate(v).replaceAll(' ', '');
  const w = await FormWriter.create(`${r.agencyName} 函 ${r.number}`);
  w.line('檔　　號：', { size: 10 });
  w.line('保存年限：', { size: 10 });
  w.gap(4);
  w.heading(`${r.agencyName}${SPACE}函`, 18);
  w.line(`承辦人：${signedBy(r, letter)}`, { size: 10, align: 'right' });
  w.gap(6);
  w.line(`受文者：${r.unitName}`, { size: 13 });
  w.gap(4);
  w.line(`發文日期：中華民國${dateOf(letter.at)}`, { size: 10 });
  w.line(`發文字號：${str(letter['letterNumber']) || r.number}`, { size: 10 });
  w.line('速別：普通件', { size: 10 });
  w.line('密等及解密條件或保密期限：', { size: 10 });
  w.line(`附件：申請文件（申請單號 ${r.number}）`, { size: 10 });
  w.gap(8);

  const movement = DC_MOVEMENT_LABELS[app.movement]['zh-TW'];
  const theirLetter = `${dateOf(str(f['letterDate']) || null)}${str(f['letterNumber'])}`;
  w.item(
    '主旨：',
    `檢還貴機關${theirLetter}函申請資訊機房設備${movement}申請文件（申請單號：${r.number}，系統名稱：${str(f['systemName'])}），請查照。`,
    { size: 13 },
  );
  w.gap(4);
  w.line('說明：', { size: 13 });
  const reasons = [str(letter['reasons'])].filter(Boolean);
  const correction = entry(r.data, 'correction');
  if (correction && str(correction['reasons']) && str(correction['reasons']) !== reasons[0]) {
    reasons.push(`本局${dateOf(correction.at)}通知修正事項：${str(correction['reasons'])}`);
  }
  for (const reviewer of DC_REVIEWERS) {
    const e = entry(r.data, `review.${reviewer.key}`);
    if (e?.['decision'] === 'return' && str(e['opinion'])) {
      reasons.push(`${reviewer.label['zh-TW']}意見：${str(e['opinion'])}`);
    }
  }
  const items = [
    `依據貴機關${theirLetter}函辦理。`,
    correction
      ? '旨揭申請文件經本局資訊機房管理員通知修正後，文件內容仍未齊備，爰依「資訊機房實體設備移（攜）出入申請流程」發文檢還，未齊備事項如下：'
      : '旨揭申請文件經本局審查，文件尚未齊備，爰依「資訊機房實體設備移（攜）出入申請流程」發文檢還，未齊備事項如下：',
  ];
  items.forEach((text, i) => w.item(`${numeral(i)}、`, text, { size: 12, indent: 13 }));
  reasons.forEach((text, i) => w.item(`（${numeral(i)}）`, text, { size: 12, indent: 37 }));
  w.item(
    `${numeral(items.length)}、`,
    `請貴機關備齊申請函、申請單（第 1、2 頁，須核章）、主機／系統弱掃報告、資訊系統上線作業紀錄表及資訊安全檢測報告等 4 項申請文件後，再重新提出申請；重新申請時請註明原申請單號 ${r.number}，以利併案審查。`,
    { size: 12, indent: 13 },
  );
  w.gap(10);
  w.line(`正本：${r.unitName}`, { size: 10 });
  w.line(`副本：${r.agencyName}（資訊機房管理員）`, { size: 10 });
  w.gap(24);
  w.row([{ label: `${r.agencyName}（蓋章）`, width: 1 }], 60);
  w.line(`由 GovDesk 產生${SPACE}申請單號 ${r.number}`, { size: 8, align: 'right' });
  return w.toBuffer();
}

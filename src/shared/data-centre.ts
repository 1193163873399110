/**
 * Data-centre equipment move-in/out applications (001, DC-1..DC-4): the device types, the
 * security evidence each needs, the documents an application carries, and the check that says
 * exactly what is still missing. Pure: the server's workflow rule and the web form both use it.
 */

type Text = { 'zh-TW': string; en: string };
const t = (zh: string, en: string): Text => ({ 'zh-TW': zh, en });

/** 移入、移出、攜入、攜出 (moving in or out for good, carrying in or out for maintenance). */
export const DC_MOVEMENTS = ['move_in', 'move_out', 'carry_in', 'carry_out'] as const;
export type DcMovement = (typeof DC_MOVEMENTS)[number];
export const DC_MOVEMENT_LABELS: Record<DcMovement, Text> = {
  move_in: t('移入', 'Move in'),
  move_out: t('移出', 'Move out'),
  carry_in: t('攜入（維修）', 'Carry in (maintenance)'),
  carry_out: t('攜出（維修）', 'Carry out (maintenance)'),
};
/** Movements that bring a device into the room: its security evidence is checked (001 二.3–4). */
export const INBOUND_MOVEMENTS: readonly DcMovement[] = ['move_in', 'carry_in'];
/** Movements of a device already in the register: the applicant names its asset number. */
export const REGISTERED_MOVEMENTS: readonly DcMovement[] = ['move_out', 'carry_out'];

/** The device types of 001's security-test table (TC-ISMS-2-08 二、安全性檢測). */
export const DC_DEVICE_TYPES = [
  'server_ap',
  'server_db',
  'server_vm',
  'web_ap',
  'web_ap_db',
  'large_public_site',
  'disk_array',
  'storage',
  'network_device',
  'embedded_device',
  'spare_part',
] as const;
export type DcDeviceType = (typeof DC_DEVICE_TYPES)[number];
export const DC_DEVICE_TYPE_LABELS: Record<DcDeviceType, Text> = {
  server_ap: t('Server（AP）', 'Server (AP)'),
  server_db: t('Server（DB）', 'Server (DB)'),
  server_vm: t('Server（VM）', 'Server (VM)'),
  web_ap: t('Server（WEB 版 AP）', 'Server (web AP)'),
  web_ap_db: t('Server（WEB 版 AP＋DB）', 'Server (web AP + DB)'),
  large_public_site: t('較大型且對民眾提供服務之網站', 'Large public website'),
  disk_array: t('Disk Array', 'Disk array'),
  storage: t('Storage', 'Storage'),
  network_device: t('網路設備', 'Network device'),
  embedded_device: t('嵌入式系統設備', 'Embedded device'),
  spare_part: t('更換零件', 'Spare part'),
};

/** The security tests of 001's table. */
export const DC_TESTS = [
  'source_code',
  'host_scan',
  'web_app_scan',
  'penetration_test',
  'malware_scan',
  'patch_level',
] as const;
export type DcTest = (typeof DC_TESTS)[number];
export const DC_TEST_LABELS: Record<DcTest, Text> = {
  source_code: t('原始碼檢測結果', 'Source-code scan'),
  host_scan: t('主機弱點掃描結果', 'Host vulnerability scan'),
  web_app_scan: t('網站應用程式弱點掃描結果', 'Web application vulnerability scan'),
  penetration_test: t('滲透測試結果', 'Penetration test'),
  malware_scan: t('病毒及惡意程式偵測結果', 'Virus and malware scan'),
  patch_level: t('弱點、漏洞修補結果', 'Patch level (hotfixes up to date)'),
};

const HOSTS: readonly DcDeviceType[] = ['server_ap', 'server_db', 'server_vm'];
/**
 * 001's table, row by row: which device types each test applies to. The source-code scan applies to
 * a web AP only when it serves the public over the internet (外網網站供民眾上網使用). Disk arrays,
 * storage, network and embedded devices and spare parts need no report.
 */
export const DC_TEST_APPLIES: Record<DcTest, { types: readonly DcDeviceType[]; publicOnly?: boolean }> = {
  source_code: { types: ['web_ap'], publicOnly: true },
  host_scan: { types: HOSTS },
  web_app_scan: { types: ['web_ap', 'web_ap_db'] },
  penetration_test: { types: ['large_public_site'] },
  malware_scan: { types: HOSTS },
  patch_level: { types: HOSTS },
};

/** The highest finding a report shows; medium and above fail the review (001 二.3). */
export const DC_SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type DcSeverity = (typeof DC_SEVERITIES)[number];
export const DC_SEVERITY_LABELS: Record<DcSeverity, Text> = {
  none: t('無弱點', 'No findings'),
  low: t('低風險', 'Low'),
  medium: t('中風險', 'Medium'),
  high: t('高風險', 'High'),
  critical: t('嚴重', 'Critical'),
};
export const FAILING_SEVERITIES: readonly DcSeverity[] = ['medium', 'high', 'critical'];

export const DC_OPERATING_SYSTEMS = ['windows', 'linux', 'unix', 'other', 'none'] as const;
export type DcOperatingSystem = (typeof DC_OPERATING_SYSTEMS)[number];
export const DC_OS_LABELS: Record<DcOperatingSystem, Text> = {
  windows: t('Windows', 'Windows'),
  linux: t('Linux', 'Linux'),
  unix: t('Unix', 'Unix'),
  other: t('其他', 'Other'),
  none: t('無作業系統', 'No operating system'),
};
/** Hosts running these need the agency's security agents installed, with proof (001 二.4(1)). */
export const AGENT_OPERATING_SYSTEMS: readonly DcOperatingSystem[] = ['windows', 'linux'];

export const DC_IP_NEEDS = ['none', 'internal', 'external', 'both'] as const;
export type DcIpNeed = (typeof DC_IP_NEEDS)[number];

/**
 * The documents an application carries as uploaded files. Application-wide: the letter, the
 * network-connection and SSL-VPN requests. Per device: the go-live record, each test's report,
 * and the proof of each installed agent.
 */
export const DC_DOCUMENTS = [
  'application_letter',
  'network_request',
  'sslvpn_request',
  'golive_record',
  'report_source_code',
  'report_host_scan',
  'report_web_app_scan',
  'report_penetration_test',
  'report_malware_scan',
  'report_patch_level',
  'proof_antivirus',
  'proof_mdr',
  'proof_vans',
] as const;
export type DcDocument = (typeof DC_DOCUMENTS)[number];
export const DC_DOCUMENT_LABELS: Record<DcDocument, Text> = {
  application_letter: t('申請函（掃描檔）', 'Application letter (scan)'),
  network_request: t('主機設備網路連線申請單', 'Host network-connection request'),
  sslvpn_request: t('SSLVPN 網路連線維護申請單', 'SSL-VPN connection request'),
  golive_record: t('資訊系統上線作業紀錄表', 'System go-live record'),
  report_source_code: DC_TEST_LABELS.source_code,
  report_host_scan: DC_TEST_LABELS.host_scan,
  report_web_app_scan: DC_TEST_LABELS.web_app_scan,
  report_penetration_test: DC_TEST_LABELS.penetration_test,
  report_malware_scan: DC_TEST_LABELS.malware_scan,
  report_patch_level: DC_TEST_LABELS.patch_level,
  proof_antivirus: t('防毒軟體安裝佐證', 'Proof: antivirus installed'),
  proof_mdr: t('端點 MDR／EDR 安裝佐證', 'Proof: MDR/EDR agent installed'),
  proof_vans: t('VANS 安裝佐證', 'Proof: VANS agent installed'),
};
/** Documents that belong to the application as a whole, not to one device. */
export const APPLICATION_DOCUMENTS: readonly DcDocument[] = ['application_letter', 'network_request', 'sslvpn_request'];
const AGENT_PROOFS: readonly DcDocument[] = ['proof_antivirus', 'proof_mdr', 'proof_vans'];
export const reportOf = (test: DcTest): DcDocument => `report_${test}`;

/** A test result as the applicant enters it (or as read from a structured scan export). */
export type DcTestResult = { date?: unknown; highestSeverity?: unknown };

/** One device of the form's page 2, as far as the checks read it. */
export type DcDevice = {
  name?: unknown;
  deviceType?: unknown;
  publicFacing?: unknown;
  os?: unknown;
  needsIp?: unknown;
  assetNumber?: unknown;
  tests?: unknown;
};

export type DcForm = { movement?: unknown; devices?: unknown };
/** An uploaded file of the application: which document it is, for which device (0-based), if any. */
export type DcFile = { document: string | null; device: number | null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null;

/** The tests a device must bring, by 001's table. */
export function requiredTests(device: DcDevice): DcTest[] {
  const type = oneOf(DC_DEVICE_TYPES, device.deviceType);
  if (!type) return [];
  return DC_TESTS.filter((test) => {
    const rule = DC_TEST_APPLIES[test];
    return rule.types.includes(type) && (!rule.publicOnly || device.publicFacing === true);
  });
}

/** The files a device must bring on an inbound movement: reports, go-live record, agent proofs. */
export function requiredDeviceDocuments(device: DcDevice): DcDocument[] {
  const tests = requiredTests(device);
  const agents = AGENT_OPERATING_SYSTEMS.includes(oneOf(DC_OPERATING_SYSTEMS, device.os) ?? 'none');
  const docs: DcDocument[] = [];
  if (tests.length > 0 || agents) docs.push('golive_record');
  docs.push(...tests.map(reportOf));
  if (agents) docs.push(...AGENT_PROOFS);
  return docs;
}

/** The application-wide files: the letter always; the network forms when a device needs an IP. */
export function requiredApplicationDocuments(form: DcForm): DcDocument[] {
  const devices = Array.isArray(form.devices) ? (form.devices as DcDevice[]) : [];
  const needsIp = devices.some((d) => (oneOf(DC_IP_NEEDS, d.needsIp) ?? 'none') !== 'none');
  return needsIp ? ['application_letter', 'network_request', 'sslvpn_request'] : ['application_letter'];
}

/** `date` shifted by whole months; the 31st a month back is the month's last day. */
export function shiftMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthEnd = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, monthEnd))).toISOString().slice(0, 10);
}

export type DcProblem = {
  /** The form field at fault (`devices.0.tests.host_scan.date`) or `attachments` for a missing file. */
  field: string;
  code:
    | 'no_devices'
    | 'test_missing'
    | 'scan_too_old'
    | 'scan_after_move'
    | 'severity_too_high'
    | 'document_missing'
    | 'asset_number_missing';
  /** The device (0-based) it concerns, or null for the application as a whole. */
  device: number | null;
  document?: DcDocument;
  message: Text;
};

/**
 * What stops an application from being reviewed (DC-1, DC-2): for each device, the tests its type
 * requires with a date no more than one month before the planned move (and not after it) and no
 * finding of medium or higher; on an inbound movement the files each device needs; the
 * application's own files. `files` is null when only the form is checked (at filing, before any
 * upload).
 */
export function applicationProblems(form: DcForm, plannedDate: string, files: readonly DcFile[] | null): DcProblem[] {
  const problems: DcProblem[] = [];
  const devices = Array.isArray(form.devices) ? (form.devices as unknown[]) : [];
  const movement = oneOf(DC_MOVEMENTS, form.movement) ?? 'move_in';
  if (devices.length === 0) {
    return [
      {
        field: 'devices',
        code: 'no_devices',
        device: null,
        message: t('請至少填寫一項設備', 'List at least one device'),
      },
    ];
  }
  const earliest = shiftMonths(plannedDate, -1);
  const has = (document: DcDocument, device: number | null) =>
    files?.some((f) => f.document === document && f.device === device) ?? true;
  devices.forEach((raw, i) => {
    const device: DcDevice = isRecord(raw) ? raw : {};
    const name = typeof device.name === 'string' && device.name.trim() ? device.name.trim() : `#${i + 1}`;
    const zhDevice = `設備「${name}」`;
    const enDevice = `Device "${name}"`;
    if (REGISTERED_MOVEMENTS.includes(movement)) {
      if (typeof device.assetNumber !== 'string' || !device.assetNumber.trim()) {
        problems.push({
          field: `devices.${i}.assetNumber`,
          code: 'asset_number_missing',
          device: i,
          message: t(`${zhDevice}：移出／攜出須填資產編號`, `${enDevice}: give its asset number to move it out`),
        });
      }
      return;
    }
    const tests = isRecord(device.tests) ? device.tests : {};
    for (const test of requiredTests(device)) {
      const label = DC_TEST_LABELS[test];
      const result: DcTestResult = isRecord(tests[test]) ? tests[test] : {};
      const date = typeof result.date === 'string' ? result.date : null;
      const severity = oneOf(DC_SEVERITIES, result.highestSeverity);
      const field = `devices.${i}.tests.${test}`;
      if (!date || !severity) {
        problems.push({
          field,
          code: 'test_missing',
          device: i,
          message: t(
            `${zhDevice}須附${label['zh-TW']}（檢測日期與最高風險等級）`,
            `${enDevice} needs a ${label.en.toLowerCase()} (its date and highest finding)`,
          ),
        });
        continue;
      }
      if (date < earliest) {
        problems.push({
          field: `${field}.date`,
          code: 'scan_too_old',
          device: i,
          message: t(
            `${zhDevice}的${label['zh-TW']}檢測日期 ${date} 早於預定移入日 ${plannedDate} 前一個月（${earliest}），請重新檢測`,
            `${enDevice}: the ${label.en.toLowerCase()} of ${date} is more than one month before the planned move on ${plannedDate} (earliest ${earliest}); test again`,
          ),
        });
      } else if (date > plannedDate) {
        problems.push({
          field: `${field}.date`,
          code: 'scan_after_move',
          device: i,
          message: t(
            `${zhDevice}的${label['zh-TW']}須於移入前完成（預定 ${plannedDate}）`,
            `${enDevice}: the ${label.en.toLowerCase()} must be done before the move on ${plannedDate}`,
          ),
        });
      }
      if (FAILING_SEVERITIES.includes(severity)) {
        problems.push({
          field: `${field}.highestSeverity`,
          code: 'severity_too_high',
          device: i,
          message: t(
            `${zhDevice}的${label['zh-TW']}仍有${DC_SEVERITY_LABELS[severity]['zh-TW']}弱點，中風險以上須修補後重新檢測`,
            `${enDevice}: the ${label.en.toLowerCase()} still shows a ${DC_SEVERITY_LABELS[severity].en.toLowerCase()} finding; fix medium and above and test again`,
          ),
        });
      }
    }
    if (files) {
      for (const document of requiredDeviceDocuments(device)) {
        if (has(document, i)) continue;
        problems.push({
          field: 'attachments',
          code: 'document_missing',
          device: i,
          document,
          message: t(
            `${zhDevice}尚缺「${DC_DOCUMENT_LABELS[document]['zh-TW']}」`,
            `${enDevice} still needs: ${DC_DOCUMENT_LABELS[document].en}`,
          ),
        });
      }
    }
  });
  if (files) {
    for (const document of requiredApplicationDocuments(form)) {
      if (has(document, null)) continue;
      problems.push({
        field: 'attachments',
        code: 'document_missing',
        device: null,
        document,
        message: t(
          `申請尚缺「${DC_DOCUMENT_LABELS[document]['zh-TW']}」`,
          `The application still needs: ${DC_DOCUMENT_LABELS[document].en}`,
        ),
      });
    }
  }
  return problems;
}

/**
 * The reviewers of 001 三 (and the asset-register keeper of its flow chart), each recording an
 * opinion and a decision at `review.<key>` of the application's data. The data-centre
 * administrator also checks page 1 and gives the asset numbers; the network administrator
 * fills in the IP addresses of page 2.
 */
export const DC_REVIEWERS = [
  { key: 'dc_admin', role: 'dc_admin', label: t('資訊機房管理員', 'Data-centre administrator') },
  { key: 'asset_keeper', role: 'asset_keeper', label: t('資產清冊管理者', 'Asset-register keeper') },
  { key: 'security', role: 'security_officer', label: t('資通安全專職人員', 'Security officer') },
  { key: 'network', role: 'network_admin', label: t('網路連線管理人員', 'Network administrator') },
  { key: 'antivirus', role: 'antivirus_officer', label: t('防毒軟體業務承辦人', 'Antivirus officer') },
  { key: 'mdr', role: 'mdr_officer', label: t('MDR／EDR 業務承辦人', 'MDR/EDR officer') },
  { key: 'vans', role: 'vans_officer', label: t('VANS 業務承辦人', 'VANS officer') },
] as const;
export type DcReviewerKey = (typeof DC_REVIEWERS)[number]['key'];

export const DC_DECISIONS = ['approve', 'return', 'not_applicable'] as const;
export type DcDecision = (typeof DC_DECISIONS)[number];
export const DC_DECISION_LABELS: Record<DcDecision, Text> = {
  approve: t('符合規定', 'Complies'),
  return: t('不符，須修正', 'Does not comply: correct it'),
  not_applicable: t('不適用', 'Not applicable'),
};

/** The devices (0-based) that get a new asset number: every device coming in that is not yet registered. */
export function devicesNeedingNumbers(form: DcForm): number[] {
  const movement = oneOf(DC_MOVEMENTS, form.movement) ?? 'move_in';
  if (!INBOUND_MOVEMENTS.includes(movement)) return [];
  const devices = Array.isArray(form.devices) ? (form.devices as unknown[]) : [];
  return devices.flatMap((raw, i) => {
    const d: DcDevice = isRecord(raw) ? raw : {};
    return typeof d.assetNumber === 'string' && d.assetNumber.trim() ? [] : [i];
  });
}

/**
 * The asset numbers and rack locations given: the administrator's correction (`numbering`, made
 * before forwarding) when there is one, else what their review gave.
 */
export function assetNumbering(review: Record<string, unknown>, numbering?: unknown) {
  const source = isRecord(numbering) && Array.isArray(numbering.assetNumbers) ? numbering : review.dc_admin;
  const given = isRecord(source) ? source : {};
  const texts = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.trim() : '')) : []);
  return { assetNumbers: texts(given.assetNumbers), rackLocations: texts(given.rackLocations) };
}

export type DcReviewProblem = {
  field: string;
  code: 'review_missing' | 'review_returned' | 'asset_numbers_missing' | 'asset_numbers_repeated';
  message: Text;
};

/**
 * Why an application cannot go to the section chief yet: a reviewer has not answered or asked for
 * a correction; the asset numbers are missing, one per incoming device, or repeated.
 */
export function reviewProblems(
  review: Record<string, unknown>,
  needingNumbers: readonly number[],
  numbering?: unknown,
): DcReviewProblem[] {
  const problems: DcReviewProblem[] = [];
  for (const reviewer of DC_REVIEWERS) {
    const entry = review[reviewer.key];
    const decision = isRecord(entry) ? oneOf(DC_DECISIONS, entry.decision) : null;
    if (!decision) {
      problems.push({
        field: `${reviewer.key}.decision`,
        code: 'review_missing',
        message: t(`${reviewer.label['zh-TW']}尚未審查`, `The ${reviewer.label.en.toLowerCase()} has not reviewed it`),
      });
    } else if (decision === 'return') {
      problems.push({
        field: `${reviewer.key}.decision`,
        code: 'review_returned',
        message: t(
          `${reviewer.label['zh-TW']}認為文件不符，須通知申請機關修正或檢還`,
          `The ${reviewer.label.en.toLowerCase()} found it incomplete: ask for a correction or return it`,
        ),
      });
    }
  }
  const numbers = assetNumbering(review, numbering).assetNumbers.filter((n) => n.length > 0);
  if (numbers.length < needingNumbers.length) {
    problems.push({
      field: 'dc_admin.assetNumbers',
      code: 'asset_numbers_missing',
      message: t(
        `須給予每項移入設備資產編號（${needingNumbers.length} 項，已給 ${numbers.length} 項）`,
        `Give every incoming device its asset number (${needingNumbers.length} needed, ${numbers.length} given)`,
      ),
    });
  } else if (new Set(numbers.map((n) => n.trim().toLowerCase())).size !== numbers.length) {
    problems.push({
      field: 'dc_admin.assetNumbers',
      code: 'asset_numbers_repeated',
      message: t('資產編號不得重複', 'Asset numbers must not repeat'),
    });
  }
  return problems;
}

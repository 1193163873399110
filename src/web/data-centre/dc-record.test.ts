import { describe, expect, it } from 'vitest';
import type { Attachment, HistoryEvent } from '../../shared/api/request.schema.js';
import type { DcDocument } from '../../shared/data-centre.js';
import {
  anyAssignment,
  canReapply,
  deviceAssignments,
  documentChecklist,
  recordedTexts,
  reviewRows,
  stillMissing,
} from './dc-record.js';

const ME = '0b7f3c1e-2a4d-4c6e-8f10-123456789abc';
const DC_ADMIN = '1b7f3c1e-2a4d-4c6e-8f10-123456789abc';

let seq = 0;
const file = (
  document: DcDocument | null,
  device: number | null,
  fileName = `${document ?? 'other'}.pdf`,
): Attachment => ({
  id: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  fileName,
  contentType: 'application/pdf',
  size: 10,
  sha256: 'x',
  uploadedBy: { id: ME, displayName: '王小明' },
  createdAt: '2026-11-20T01:00:00.000Z',
  document,
  device,
});

const tests = {
  host_scan: { date: '2026-11-20', highestSeverity: 'low' },
  malware_scan: { date: '2026-11-20', highestSeverity: 'none' },
  patch_level: { date: '2026-11-20', highestSeverity: 'none' },
};
const form = {
  movement: 'move_in',
  devices: [
    { name: 'AP01', deviceType: 'server_ap', os: 'linux', needsIp: 'internal', tests },
    { name: 'Disk', deviceType: 'disk_array', os: 'none', needsIp: 'none' },
  ],
};

describe('the documents checklist', () => {
  it('lists the application documents, then each device’s, with the files given for each', () => {
    const letter = file('application_letter', null);
    const groups = documentChecklist(form, [letter, file('golive_record', 0), file(null, null)]);
    expect(groups.map((g) => [g.device, g.name, g.rows.map((r) => r.document)])).toEqual([
      [null, null, ['application_letter', 'network_request', 'sslvpn_request']],
      [
        0,
        'AP01',
        [
          'golive_record',
          'report_host_scan',
          'report_malware_scan',
          'report_patch_level',
          'proof_antivirus',
          'proof_mdr',
          'proof_vans',
        ],
      ],
      [1, 'Disk', []],
    ]);
    expect(groups[0]?.rows[0]?.files).toEqual([letter]);
    expect(groups[1]?.rows[0]?.files.map((f) => f.fileName)).toEqual(['golive_record.pdf']);
    expect(groups[1]?.rows[1]?.files).toEqual([]);
  });

  it('asks only for the letter when no device needs an IP, and no device files to move out', () => {
    const out = {
      movement: 'move_out',
      devices: [{ name: 'Old', deviceType: 'server_ap', os: 'linux', assetNumber: 'A1' }],
    };
    expect(documentChecklist(out, []).map((g) => [g.device, g.rows.map((r) => r.document)])).toEqual([
      [null, ['application_letter']],
    ]);
  });

  it('says what is still missing, and nothing once every file is there', () => {
    const missing = stillMissing(form, '2026-12-01', [file('application_letter', null)]);
    expect(missing.map((p) => [p.document, p.device])).toEqual([
      ['golive_record', 0],
      ['report_host_scan', 0],
      ['report_malware_scan', 0],
      ['report_patch_level', 0],
      ['proof_antivirus', 0],
      ['proof_mdr', 0],
      ['proof_vans', 0],
      ['network_request', null],
      ['sslvpn_request', null],
    ]);
    expect(missing[0]?.message['zh-TW']).toBe('設備「AP01」尚缺「資訊系統上線作業紀錄表」');
    const all = documentChecklist(form, []).flatMap((g) => g.rows.map((r) => file(r.document, g.device)));
    expect(stillMissing(form, '2026-12-01', all)).toEqual([]);
  });

  it('includes the scan date and severity problems', () => {
    const old = {
      ...form,
      devices: [
        { ...form.devices[0], tests: { ...tests, host_scan: { date: '2026-10-01', highestSeverity: 'high' } } },
      ],
    };
    expect(stillMissing(old, '2026-12-01', []).map((p) => p.code)).toContain('scan_too_old');
    expect(stillMissing(old, '2026-12-01', []).map((p) => p.code)).toContain('severity_too_high');
  });
});

describe('the reviews', () => {
  const data = {
    review: {
      dc_admin: {
        decision: 'approve',
        opinion: '第 1 頁填寫無誤。',
        assetNumbers: ['DC-2026-001'],
        rackLocations: ['A03-U12', ''],
        by: DC_ADMIN,
        at: '2026-11-21T02:00:00.000Z',
      },
      network: {
        decision: 'not_applicable',
        opinion: '無',
        ipAddresses: ['10.1.2.3', ''],
        by: null,
        at: '2026-11-21T03:00:00.000Z',
      },
    },
  };
  const history: HistoryEvent[] = [
    {
      id: 'e1',
      seq: 5,
      kind: 'transition',
      at: '2026-11-21T02:00:00.000Z',
      actor: { id: DC_ADMIN, displayName: '周家豪' },
      fromStatus: 'in_progress',
      toStatus: 'in_progress',
      data: { action: 'review_dc_admin', label: { 'zh-TW': '資訊機房管理員審查意見', en: 'Review' } },
    },
  ];

  it('gives the seven reviewers in order, with decision, opinion, who and when', () => {
    const rows = reviewRows(data, history);
    expect(rows.map((r) => r.key)).toEqual([
      'dc_admin',
      'asset_keeper',
      'security',
      'network',
      'antivirus',
      'mdr',
      'vans',
    ]);
    expect(rows[0]).toMatchObject({
      decision: 'approve',
      opinion: '第 1 頁填寫無誤。',
      byName: '周家豪',
      at: '2026-11-21T02:00:00.000Z',
    });
    expect(rows[1]).toMatchObject({ decision: null, opinion: null, byName: null, at: null });
    expect(rows[3]).toMatchObject({ decision: 'not_applicable', byName: null });
  });

  it('gives each incoming device its asset number, rack and IPs, the numbers in the order of the devices needing one', () => {
    const rows = deviceAssignments(form, data);
    expect(rows).toEqual([
      { device: 0, name: 'AP01', assetNumber: 'DC-2026-001', rackLocation: 'A03-U12', ipAddresses: '10.1.2.3' },
      { device: 1, name: 'Disk', assetNumber: null, rackLocation: null, ipAddresses: null },
    ]);
    expect(anyAssignment(rows)).toBe(true);
    expect(anyAssignment(deviceAssignments(form, {}))).toBe(false);
  });

  it('prefers the administrator’s later correction of the numbers', () => {
    const corrected = { ...data, numbering: { assetNumbers: ['DC-2026-009'], rackLocations: ['B01'] } };
    expect(deviceAssignments(form, corrected)[0]).toMatchObject({ assetNumber: 'DC-2026-009', rackLocation: 'B01' });
  });

  it('keeps the number a registered device already has', () => {
    const registered = { movement: 'carry_in', devices: [{ name: 'AP', assetNumber: 'DC-1' }, { name: 'New' }] };
    const given = { review: { dc_admin: { assetNumbers: ['DC-2'] } } };
    expect(deviceAssignments(registered, given).map((r) => r.assetNumber)).toEqual(['DC-1', 'DC-2']);
  });

  it('reads the correction and the return letter', () => {
    expect(
      recordedTexts({ returnLetter: { reasons: '缺申請函', letterNumber: '中科資字第1號', at: 'x' } }, 'returnLetter'),
    ).toEqual({
      reasons: '缺申請函',
      letterNumber: '中科資字第1號',
      dueDate: null,
      at: 'x',
    });
    expect(recordedTexts({}, 'correction')).toBeNull();
  });
});

describe('applying again', () => {
  const returned = { type: 'dc_equipment', status: 'rejected', createdBy: { id: ME }, applicantUserId: null };
  it('is for the filer or applicant of a returned data-centre application', () => {
    expect(canReapply(returned, ME)).toBe(true);
    expect(canReapply({ ...returned, createdBy: null, applicantUserId: ME }, ME)).toBe(true);
    expect(canReapply(returned, DC_ADMIN)).toBe(false);
    expect(canReapply({ ...returned, status: 'closed' }, ME)).toBe(false);
    expect(canReapply({ ...returned, type: 'general' }, ME)).toBe(false);
  });
});

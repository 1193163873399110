import { describe, expect, it } from 'vitest';
import { readScanExport, severityOfScore } from '../../src/shared/scan-export.js';

/** Issue 6, DC-2: the scan's date and highest finding read from a scanner's export. */
const nessus = (items: string, end = 'Wed Nov 18 10:23:45 2026') => `<?xml version="1.0" ?>
<NessusClientData_v2>
<Report name="公文系統主機" xmlns:cm="http://www.nessus.org/cm">
<ReportHost name="10.20.1.15"><HostProperties>
<tag name="HOST_START">Wed Nov 18 09:02:11 2026</tag>
<tag name="HOST_END">${end}</tag>
</HostProperties>
${items}
</ReportHost>
</Report>
</NessusClientData_v2>`;
const item = (severity: number, name = 'finding') =>
  `<ReportItem port="443" svc_name="www" protocol="tcp" severity="${severity}" pluginID="1" pluginName="${name}" pluginFamily="General"><risk_factor>x</risk_factor></ReportItem>`;

const openvas = (
  results: string,
  end = '2026-11-19T03:40:00Z',
) => `<report id="r1" format_id="a994b278" extension="xml">
<report id="r1"><scan_run_status>Done</scan_run_status>
<scan_start>2026-11-19T01:00:00Z</scan_start>
<results start="1" max="100">${results}</results>
<scan_end>${end}</scan_end>
</report></report>`;
const result = (threat: string, severity: string, host = '10.20.1.15') =>
  `<result id="x"><name>n</name><host>${host}<asset asset_id="a"/></host><threat>${threat}</threat><severity>${severity}</severity></result>`;

describe('reading scan exports', () => {
  it('reads a Nessus export: the last host end and the highest ReportItem severity', () => {
    const summary = readScanExport(nessus(item(0) + item(1) + item(1) + item(2)));
    expect(summary).toEqual({
      tool: 'nessus',
      date: '2026-11-18',
      highestSeverity: 'medium',
      counts: { low: 2, medium: 1, high: 0, critical: 0 },
      hosts: 1,
    });
  });

  it('reads Nessus critical findings and Unix end timestamps in Taipei time', () => {
    // 2026-11-18T17:30:00Z is already the 19th in Taipei.
    const summary = readScanExport(nessus(item(4), String(Date.UTC(2026, 10, 18, 17, 30) / 1000)));
    expect(summary?.highestSeverity).toBe('critical');
    expect(summary?.date).toBe('2026-11-19');
  });

  it('a clean Nessus scan has no findings', () => {
    expect(readScanExport(nessus(item(0)))).toMatchObject({ highestSeverity: 'none', counts: { low: 0 } });
  });

  it('reads an OpenVAS report by CVSS score, ignoring log results', () => {
    const summary = readScanExport(
      openvas(result('Log', '0.0') + result('Low', '2.6') + result('High', '7.5', '10.20.1.16')),
    );
    expect(summary).toEqual({
      tool: 'openvas',
      date: '2026-11-19',
      highestSeverity: 'high',
      counts: { low: 1, medium: 0, high: 1, critical: 0 },
      hosts: 2,
    });
  });

  it('answers null for anything else', () => {
    expect(readScanExport('%PDF-1.7 a report')).toBeNull();
    expect(readScanExport('<html><body>report</body></html>')).toBeNull();
  });

  it('bands CVSS scores as CVSS v3 does', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityOfScore)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});

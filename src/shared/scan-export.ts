import type { DcSeverity } from './data-centre.js';

/**
 * Reads the date and the highest finding of a vulnerability scan from the structured exports the
 * common scanners write (issue 6, DC-2: "read from a structured export where one is uploaded"):
 * Tenable Nessus (`.nessus`, NessusClientData_v2) and Greenbone/OpenVAS XML reports. Pure and
 * dependency-free, so the web form and the server read a file the same way. Not a general XML
 * parser: it reads the few elements and attributes these formats define.
 */
export type ScanSummary = {
  tool: 'nessus' | 'openvas';
  /** The day the scan finished (the last host's end), as the export states it. */
  date: string | null;
  highestSeverity: DcSeverity;
  counts: Record<Exclude<DcSeverity, 'none'>, number>;
  hosts: number;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ORDER: readonly DcSeverity[] = ['none', 'low', 'medium', 'high', 'critical'];
const TAIPEI_MS = 8 * 3_600_000;

const higher = (a: DcSeverity, b: DcSeverity): DcSeverity => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a);
const pad = (n: number) => String(n).padStart(2, '0');
const taipeiDate = (ms: number) => new Date(ms + TAIPEI_MS).toISOString().slice(0, 10);

/** Nessus writes `Wed Nov 18 10:23:45 2026` (the scanner's local time) or a Unix timestamp. */
function nessusDate(text: string): string | null {
  const m = /^\w{3} (\w{3}) +(\d{1,2}) \d{2}:\d{2}:\d{2} (\d{4})$/.exec(text.trim());
  if (m) {
    const month = MONTHS.indexOf(m[1]!);
    return month < 0 ? null : `${m[3]}-${pad(month + 1)}-${pad(Number(m[2]))}`;
  }
  return /^\d{9,11}$/.test(text.trim()) ? taipeiDate(Number(text.trim()) * 1000) : null;
}

/** A CVSS score as a severity band (CVSS v3 qualitative ratings). */
export function severityOfScore(score: number): DcSeverity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

const NESSUS_SEVERITY: readonly DcSeverity[] = ['none', 'low', 'medium', 'high', 'critical'];

function emptyCounts(): ScanSummary['counts'] {
  return { low: 0, medium: 0, high: 0, critical: 0 };
}

function readNessus(xml: string): ScanSummary {
  const counts = emptyCounts();
  let highest: DcSeverity = 'none';
  for (const m of xml.matchAll(/<ReportItem\b[^>]*\bseverity="(\d)"/g)) {
    const severity = NESSUS_SEVERITY[Number(m[1])] ?? 'none';
    if (severity !== 'none') counts[severity]++;
    highest = higher(highest, severity);
  }
  let date: string | null = null;
  for (const m of xml.matchAll(/<tag name="HOST_END(?:_TIMESTAMP)?">([^<]+)<\/tag>/g)) {
    const d = nessusDate(m[1]!);
    if (d && (date === null || d > date)) date = d;
  }
  return { tool: 'nessus', date, highestSeverity: highest, counts, hosts: xml.match(/<ReportHost\b/g)?.length ?? 0 };
}

function readOpenvas(xml: string): ScanSummary {
  const counts = emptyCounts();
  let highest: DcSeverity = 'none';
  for (const m of xml.matchAll(/<result\b[^>]*>([\s\S]*?)<\/result>/g)) {
    const body = m[1]!;
    const score = /<severity>\s*(-?[\d.]+)\s*<\/severity>/.exec(body);
    const threat = /<threat>\s*([A-Za-z ]+?)\s*<\/threat>/.exec(body)?.[1]?.toLowerCase();
    // "Log", "Debug" and "False Positive" results are not findings.
    if (threat && !['critical', 'high', 'medium', 'low'].includes(threat)) continue;
    const severity = score ? severityOfScore(Number(score[1])) : ((threat as DcSeverity | undefined) ?? 'none');
    if (severity !== 'none') counts[severity]++;
    highest = higher(highest, severity);
  }
  const ends = [...xml.matchAll(/<scan_end>\s*([^<\s]+)\s*<\/scan_end>/g)].map((m) => m[1]!);
  const starts = [...xml.matchAll(/<scan_start>\s*([^<\s]+)\s*<\/scan_start>/g)].map((m) => m[1]!);
  const instants = (ends.length > 0 ? ends : starts).map((s) => Date.parse(s)).filter((ms) => Number.isFinite(ms));
  const date = instants.length > 0 ? taipeiDate(Math.max(...instants)) : null;
  const hosts = new Set([...xml.matchAll(/<host>\s*([^<\s]+)/g)].map((m) => m[1]!)).size;
  return { tool: 'openvas', date, highestSeverity: highest, counts, hosts };
}

/** The scan's date and highest finding, or null when the text is not an export this reads. */
export function readScanExport(text: string): ScanSummary | null {
  const head = text.slice(0, 4096);
  if (/<NessusClientData_v2\b/.test(head)) return readNessus(text);
  if (/<report\b/.test(head) && /<results\b/.test(text)) return readOpenvas(text);
  return null;
}

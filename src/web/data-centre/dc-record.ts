/**
 * A data-centre application's page, in data (001, issue 6): the documents checklist (what the
 * application and each device must bring, and the files given for each), what is still missing,
 * the reviewers' opinions and decisions, and what the data centre assigned to each device. Pure
 * functions over the request's form, files and workflow data; the shared rules decide.
 */
import type { Attachment, HistoryEvent } from '../../shared/api/request.schema.js';
import {
  applicationProblems,
  assetNumbering,
  DC_DECISIONS,
  DC_REVIEWERS,
  devicesNeedingNumbers,
  INBOUND_MOVEMENTS,
  requiredApplicationDocuments,
  requiredDeviceDocuments,
  type DcDecision,
  type DcDevice,
  type DcDocument,
  type DcMovement,
  type DcProblem,
  type DcReviewerKey,
} from '../../shared/data-centre.js';
import { recordedSteps } from '../requests/workflow-record.js';

type Text = { 'zh-TW': string; en: string };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The devices of a filed form. */
export function formDevices(form: Record<string, unknown>): DcDevice[] {
  return Array.isArray(form.devices) ? form.devices.map((d) => (isRecord(d) ? (d as DcDevice) : {})) : [];
}

/** A device's name as the applicant gave it, or null. */
export const deviceName = (device: DcDevice): string | null => text(device.name);

export type ChecklistRow = { document: DcDocument; files: Attachment[] };
export type ChecklistGroup = {
  /** The device (0-based), or null for the application's own documents. */
  device: number | null;
  name: string | null;
  rows: ChecklistRow[];
};

const movementOf = (form: Record<string, unknown>): DcMovement =>
  typeof form.movement === 'string' ? (form.movement as DcMovement) : 'move_in';

/**
 * The documents checklist: the application's documents (the letter; the network and SSL-VPN
 * requests when a device needs an IP), then each device's (go-live record, test reports, agent
 * proofs) on an inbound movement, each with the files uploaded for it.
 */
export function documentChecklist(form: Record<string, unknown>, attachments: readonly Attachment[]): ChecklistGroup[] {
  const filesFor = (document: DcDocument, device: number | null) =>
    attachments.filter((a) => a.document === document && a.device === device);
  const groups: ChecklistGroup[] = [
    {
      device: null,
      name: null,
      rows: requiredApplicationDocuments(form).map((document) => ({ document, files: filesFor(document, null) })),
    },
  ];
  if (!INBOUND_MOVEMENTS.includes(movementOf(form))) return groups;
  formDevices(form).forEach((device, i) => {
    groups.push({
      device: i,
      name: deviceName(device),
      rows: requiredDeviceDocuments(device).map((document) => ({ document, files: filesFor(document, i) })),
    });
  });
  return groups;
}

/** What still stops the application (applicationProblems with the files uploaded): tests and documents. */
export function stillMissing(
  form: Record<string, unknown>,
  plannedDate: string,
  attachments: readonly Attachment[],
): DcProblem[] {
  return applicationProblems(
    form,
    plannedDate,
    attachments.map((a) => ({ document: a.document, device: a.device })),
  );
}

export type ReviewRow = {
  key: DcReviewerKey;
  label: Text;
  decision: DcDecision | null;
  opinion: string | null;
  byName: string | null;
  at: string | null;
};

/** The seven reviewers of 001 三 in order, each with the opinion and decision recorded at `review.<key>`, if any. */
export function reviewRows(data: Record<string, unknown>, history: readonly HistoryEvent[]): ReviewRow[] {
  const review = isRecord(data.review) ? data.review : {};
  const steps = recordedSteps(data, history);
  return DC_REVIEWERS.map((reviewer) => {
    const raw = review[reviewer.key];
    const entry = isRecord(raw) ? raw : null;
    const step = steps.find((s) => s.path === `review.${reviewer.key}`);
    const decision =
      entry && (DC_DECISIONS as readonly unknown[]).includes(entry.decision) ? (entry.decision as DcDecision) : null;
    return {
      key: reviewer.key,
      label: reviewer.label,
      decision,
      opinion: entry ? text(entry.opinion) : null,
      byName: step?.byName ?? null,
      at: step?.at ?? (entry ? text(entry.at) : null),
    };
  });
}

export type DeviceAssignment = {
  device: number;
  name: string | null;
  /** The number the applicant gave (a registered device) or the data-centre administrator assigned. */
  assetNumber: string | null;
  rackLocation: string | null;
  ipAddresses: string | null;
};

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s : '')) : []);

/**
 * What the reviewers gave each device: the asset numbers (one per incoming device without one, in
 * order: devicesNeedingNumbers) and rack locations, as the administrator's review or later
 * correction (`numbering`) has them (assetNumbering), and the IP addresses (in device order). Empty
 * until the data-centre administrator or the network administrator has reviewed.
 */
export function deviceAssignments(form: Record<string, unknown>, data: Record<string, unknown>): DeviceAssignment[] {
  const review = isRecord(data.review) ? data.review : {};
  const network = isRecord(review.network) ? review.network : {};
  const { assetNumbers: numbers, rackLocations: racks } = assetNumbering(review, data.numbering);
  const ips = listOf(network.ipAddresses);
  const needing = devicesNeedingNumbers(form);
  return formDevices(form).map((device, i) => {
    const k = needing.indexOf(i);
    return {
      device: i,
      name: deviceName(device),
      assetNumber: text(device.assetNumber) ?? (k === -1 ? null : text(numbers[k])),
      rackLocation: text(racks[i]),
      ipAddresses: text(ips[i]),
    };
  });
}

/** Whether the data centre has given anything to show per device. */
export const anyAssignment = (rows: readonly DeviceAssignment[]) =>
  rows.some((r) => r.assetNumber !== null || r.rackLocation !== null || r.ipAddresses !== null);

/** A recorded letter or request of the data centre (`correction`, `returnLetter`): its texts, if recorded. */
export function recordedTexts(data: Record<string, unknown>, key: 'correction' | 'returnLetter') {
  const entry = isRecord(data[key]) ? data[key] : null;
  if (!entry) return null;
  return {
    reasons: text(entry.reasons),
    letterNumber: text(entry.letterNumber),
    dueDate: text(entry.dueDate),
    at: text(entry.at),
  };
}

/**
 * Whether the viewer may apply again for this application: it was returned by letter (rejected)
 * and they filed it or are its applicant.
 */
export function canReapply(
  request: { type: string; status: string; createdBy: { id: string } | null; applicantUserId: string | null },
  meId: string,
): boolean {
  return (
    request.type === 'dc_equipment' &&
    request.status === 'rejected' &&
    (request.createdBy?.id === meId || request.applicantUserId === meId)
  );
}

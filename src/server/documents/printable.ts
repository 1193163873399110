import type { Executor } from '../../db/database.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import type { PrintableRequest } from './request-forms.js';

type FoundRequest = NonNullable<Awaited<ReturnType<typeof requestRepository.find>>>;

/** Display names of everyone a request's recorded steps name (every `by` in its data). */
async function namesOf(db: Executor, data: unknown): Promise<Map<string, string>> {
  const people = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'by' && typeof v === 'string') people.add(v);
        else collect(v);
      }
    }
  };
  collect(data);
  const names = new Map<string, string>();
  for (const userId of people) {
    const user = await organisationRepository.findUserById(db, userId);
    if (user) names.set(userId, user.display_name);
  }
  return names;
}

/** What a printed form or letter of a request shows: the request, its agency, the people it names. */
export async function printableRequest(db: Executor, row: FoundRequest): Promise<PrintableRequest> {
  const agency = (await organisationRepository.listUnits(db)).find((u) => u.kind === 'agency');
  return {
    agencyName: agency?.name ?? '',
    number: row.number,
    unitName: row.unit_name,
    applicantName: row.applicant_name,
    applicantPhone: row.applicant_phone,
    applicationDate: row.application_date,
    wishedDate: row.wished_date,
    title: row.title,
    description: row.description,
    createdAt: row.created_at,
    assigneeName: row.assignee_name,
    form: row.form,
    data: row.workflow_data,
    names: await namesOf(db, row.workflow_data),
    previousNumber: (await requestRepository.relatedApplications(db, row)).previous?.number ?? null,
  };
}

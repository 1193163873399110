import { DomainError } from '../../domain/errors.js';
import { canViewRequest, requestScopeOf, type Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import type { Executor } from '../../db/database.js';
import { renderReturnLetter } from '../documents/dc-forms.js';
import type { PrintableRequest } from '../documents/request-forms.js';
import type { Origin, ServiceContext } from './context.js';

type FoundRequest = NonNullable<Awaited<ReturnType<typeof requestRepository.find>>>;

/** The display names of everyone a request's recorded steps name (`by`), for the signatures. */
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

/** The documents of data-centre applications (issue 6) printed beyond the form: the return letter. */
export function dcDocumentService(ctx: ServiceContext) {
  const { db } = ctx;

  /** A request the actor may see, the way printing the form decides it; 404 otherwise. */
  async function findVisible(actor: Actor, id: string): Promise<FoundRequest> {
    const row = await requestRepository.find(db, id);
    const units = (await organisationRepository.listUnits(db)).map((u) => ({ id: u.id, parentId: u.parent_id }));
    if (
      !row ||
      !canViewRequest(actor, requestScopeOf(actor, units), {
        unitId: row.unit_id,
        createdBy: row.created_by,
        applicantUserId: row.applicant_user_id,
        assigneeId: row.assignee_id,
        status: row.status,
        type: row.type,
      })
    ) {
      throw new DomainError('not_found');
    }
    return row;
  }

  async function printable(row: FoundRequest): Promise<PrintableRequest> {
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
    };
  }

  return {
    /**
     * The return letter (檢還函) of a data-centre application the data centre returned (001 二),
     * as a PDF; 409 while the application has not been returned. Printing is audited.
     */
    async printReturnLetter(actor: Actor, id: string, origin: Origin): Promise<{ number: string; pdf: Buffer }> {
      const row = await findVisible(actor, id);
      const letter = row.workflow_data['returnLetter'];
      if (row.type !== 'dc_equipment' || row.workflow_state !== 'returned' || !letter || typeof letter !== 'object') {
        throw new DomainError('conflict', {
          detail:
            row.type === 'dc_equipment'
              ? {
                  en: 'This application has not been returned: there is no return letter',
                  zh: '此申請未經發文檢還，沒有檢還函',
                }
              : {
                  en: 'Only a returned data-centre application has a return letter',
                  zh: '只有經發文檢還的機房設備移出入申請才有檢還函',
                },
        });
      }
      const pdf = await renderReturnLetter(await printable(row));
      await auditRepository.append(db, {
        actorId: actor.userId,
        action: 'request.return_letter_printed',
        objectType: 'request',
        objectId: id,
        ip: origin.ip,
        data: { number: row.number },
      });
      return { number: row.number, pdf };
    },
  };
}

export type DcDocumentService = ReturnType<typeof dcDocumentService>;

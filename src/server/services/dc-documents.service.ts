import { DomainError } from '../../domain/errors.js';
import { canViewRequest, requestScopeOf, type Actor } from '../../domain/policies.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { organisationRepository } from '../../db/repositories/organisation.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import { renderReturnLetter } from '../documents/dc-forms.js';
import { printableRequest } from '../documents/printable.js';
import type { Origin, ServiceContext } from './context.js';

type FoundRequest = NonNullable<Awaited<ReturnType<typeof requestRepository.find>>>;

/** The display names of everyone a request's recorded steps name (`by`), for the signatures. */
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
      const pdf = await renderReturnLetter(await printableRequest(db, row));
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

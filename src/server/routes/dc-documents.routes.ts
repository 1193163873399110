import { z } from 'zod';
import { Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import type { DcDocumentService } from '../services/dc-documents.service.js';
import type { App } from './types.js';

const RequestParams = z.strictObject({ id: z.uuid() });

/** The printed documents of data-centre applications (issue 6): the return letter. */
export function dcDocumentRoutes(app: App, deps: { dcDocuments: DcDocumentService }): void {
  const { dcDocuments } = deps;

  app.get(
    '/api/requests/:id/return-letter.pdf',
    {
      schema: {
        tags: ['requests'],
        summary:
          'The return letter (檢還函) of a returned data-centre application, as a PDF; 409 while it has not been returned',
        params: RequestParams,
        produces: ['application/pdf'],
        response: {
          200: z.string().meta({ format: 'binary', description: 'The PDF' }),
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await dcDocuments.printReturnLetter(
        actorOf(request),
        request.params.id,
        originOf(request),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${number}-return-letter.pdf"`)
        .send(pdf as unknown as string); // Buffers bypass serialisation
    },
  );
}

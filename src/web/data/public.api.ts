import { z } from 'zod';
import { apiCall } from './client.js';

/**
 * What the public vendor application answers (201). The route declares this shape inline
 * (src/server/routes/request.routes.ts) rather than in src/shared, so it is written out here.
 */
export const VendorApplicationReceipt = z.object({
  id: z.uuid(),
  number: z.string().describe('Quoted when the stamped original is sent'),
});
export type VendorApplicationReceipt = z.infer<typeof VendorApplicationReceipt>;

/**
 * A park company or customs broker applies for its administrator account without an account
 * (附件四, TYPE-7): 400 names each `form.*` field at fault, 429 when the address applies too often.
 */
export function applyForVendorAccount(form: Record<string, unknown>): Promise<VendorApplicationReceipt> {
  return apiCall('/api/public/vendor-applications', VendorApplicationReceipt, { method: 'POST', body: { form } });
}

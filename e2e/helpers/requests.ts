import type { Page } from 'playwright-core';
import type { RequestCreate, RequestDetail } from '../../src/shared/api/request.schema.js';

/** Files a request through the API with the page's session (and its CSRF token): quick set-up data. */
export async function fileRequestViaApi(page: Page, fields: Partial<RequestCreate> = {}): Promise<RequestDetail> {
  const session = await page.request.get('/api/auth/session');
  const { user, csrfToken } = (await session.json()) as {
    user: { id: string; unitId: string; displayName: string };
    csrfToken: string;
  };
  const body: RequestCreate = {
    unitId: user.unitId,
    applicantUserId: user.id,
    applicantName: user.displayName,
    applicantPhone: '04-2565-8588',
    applicationDate: '2026-11-20',
    wishedDate: '2026-12-18',
    title: '會議室投影機無法連線',
    description: '第二會議室的投影機無法透過 HDMI 連接筆電。',
    ...fields,
  };
  const response = await page.request.post('/api/requests', {
    data: body,
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (response.status() !== 201) throw new Error(`Filing failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as RequestDetail;
}

/** A date `days` after today, `YYYY-MM-DD`: for rules that count from the day of filing (lead times). */
export function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { signIn } from './helpers/browser.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

describe('account requests (SEC-2)', () => {
  it('are filed by staff, approved by the supervisor, and the account created by the administrator', async () => {
    // The IT officer asks for a vendor engineer's account in 資訊服務科.
    const officerContext = await govdesk.context();
    const officer = await officerContext.newPage();
    await signIn(officer, 'itofficer01', DEMO_PASSWORD);
    await officer.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '帳號申請' }).click();
    await officer.getByRole('heading', { level: 1, name: '帳號申請' }).waitFor();
    const form = officer.getByRole('region', { name: '提出帳號申請' });
    await form.getByLabel(/^帳號/).fill('vendor02');
    await form.getByLabel(/^姓名/).fill('簡志成');
    await form.getByLabel(/^電子郵件/).fill('vendor02@example.com');
    await form.getByLabel(/^電話/).fill('04-2565-8588 分機 301');
    expect(await form.getByLabel(/^所屬單位/).inputValue()).not.toBe('');
    await form.getByLabel(/^身分/).selectOption({ label: '委外廠商' });
    await form.getByLabel('角色 1', { exact: true }).selectOption({ label: '委外服務團隊' });
    await form.getByLabel(/^申請原因/).fill('115 年度資訊服務委外案駐點工程師');
    // A vendor's account needs its last working day (VEN-4).
    await form.getByRole('button', { name: '送出帳號申請' }).click();
    await form.getByText('委外廠商、約聘僱人員與外部單位帳號須填寫到期日。').waitFor();
    expect(await form.getByLabel(/^到期日/).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(officer)).toEqual([]);
    await form.getByLabel(/^到期日/).fill(isoDaysFromToday(90));
    await form.getByRole('button', { name: '送出帳號申請' }).click();
    await officer.getByRole('status').filter({ hasText: '已送出 vendor02 的帳號申請' }).waitFor();
    const filed = officer.getByRole('listitem').filter({ hasText: 'vendor02' });
    await filed.getByText('待主管核可').waitFor();
    await officerContext.close();

    // The supervisor of the unit (工商組 above 資訊服務科) approves.
    const headContext = await govdesk.context();
    const head = await headContext.newPage();
    await signIn(head, 'head01', DEMO_PASSWORD);
    await head.goto('/account-requests');
    const waiting = head.getByRole('listitem').filter({ hasText: 'vendor02' });
    expect(await waiting.textContent()).toContain('委外服務團隊');
    await waiting.getByRole('button', { name: '核准（vendor02）', exact: true }).click();
    await head
      .getByRole('status')
      .filter({ hasText: '已核准 vendor02 的帳號申請，目前狀態：待系統管理者建立' })
      .waitFor();
    await headContext.close();

    // The administrator approves, which creates the account.
    const adminContext = await govdesk.context();
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '帳號申請' }).click();
    const request = admin.getByRole('listitem').filter({ hasText: 'vendor02' });
    expect(await request.textContent()).toContain('黃俊傑');
    await request.getByRole('button', { name: '核准並建立帳號（vendor02）' }).click();
    await admin.getByRole('status').filter({ hasText: '已核准 vendor02 的帳號申請，目前狀態：已建立帳號' }).waitFor();
    await request.getByText('已建立帳號').waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '使用者管理' }).click();
    const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: 'vendor02' }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('委外廠商');
    expect(await row.textContent()).toContain('委外服務團隊');
    await adminContext.close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { PHONE } from './helpers/browser.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers/server.js';
import { useGovDesk } from './helpers/suite.js';
import { signInViaApi, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();

/** Fills 附件四 as a park company would. */
async function fillApplication(page: Page): Promise<void> {
  const form = page.getByRole('region', { name: '申請表（附件四）' });
  await form.getByRole('radio', { name: '園區廠商' }).check();
  const fill = (label: string, value: string) => form.getByLabel(new RegExp(`^${label}`)).fill(value);
  await fill('公司代碼', 'C0007');
  await fill('公司名稱', '中科精密股份有限公司');
  await fill('負責人', '陳大文');
  await fill('系統管理者員工編號', 'E1001');
  await fill('系統管理者姓名', '林小華');
  await fill('電話', '04-2345-6789');
  await fill('分機', '201');
  await fill('部門', '資訊部');
  await fill('主管', '張經理');
  await fill('E-Mail', 'admin@precision.example');
}

describe('the public vendor administrator application (TYPE-7, 000 §2.7, 附件四)', () => {
  it('is applied for without an account, printed, received by the desk, checked by the business unit and approved', async () => {
    // A company finds the application on the sign-in page; nobody is signed in.
    const publicContext = await govdesk.context();
    const company = await publicContext.newPage();
    await company.goto('/sign-in');
    await company.getByRole('link', { name: '園區廠商申請系統管理者帳號（免登入）' }).click();
    await company.getByRole('heading', { level: 1, name: '廠商系統管理者帳號申請' }).waitFor();
    const steps = company.getByRole('region', { name: '申請流程' });
    expect(await steps.textContent()).toMatch(/加蓋公司章及負責人章.*正本.*三個工作天內完成審查/s);
    const form = company.getByRole('region', { name: '申請表（附件四）' });
    // The only park and the only kind of application are chosen already.
    expect(await form.getByRole('radio', { name: '中部科學園區管理局' }).isChecked()).toBe(true);
    await form.getByText('列印後加蓋負責人章').waitFor();
    await company.waitForLoadState('networkidle');
    expect(await axeViolations(company)).toEqual([]);

    // Sent empty: every missing box is named, at its field and in a summary that links to it.
    await form.getByRole('button', { name: '送出申請' }).click();
    await form.getByText('請填寫公司名稱。').waitFor();
    await company.getByRole('link', { name: '請選擇申請者類別。' }).waitFor();
    expect(await axeViolations(company)).toEqual([]);

    await fillApplication(company);
    await form.getByRole('button', { name: '送出申請' }).click();
    await company.getByRole('heading', { name: '申請已送出' }).waitFor();
    const number = (await company.getByTestId('application-number').textContent()) ?? '';
    expect(number).toMatch(/^CTSP-\d{3}-\d{5}$/);
    await company
      .getByRole('status')
      .filter({ hasText: `已送出申請，申請編號 ${number}。` })
      .waitFor();
    // The focus moves to the confirmation's heading a frame after it appears.
    await expect.poll(() => company.evaluate(() => document.activeElement?.textContent)).toBe('申請已送出');

    // The printable 附件四: every box filled, the ROC date, the number, boxes for the two seals.
    const sheet = company.getByRole('article', { name: '廠商共用性資訊服務系統管理者申請表' });
    const text = (await sheet.textContent()) ?? '';
    for (const value of ['中部科學園區管理局', '新申請', '園區廠商', 'C0007', '中科精密股份有限公司', '陳大文']) {
      expect(text).toContain(value);
    }
    for (const value of [
      'E1001',
      '林小華',
      '04-2345-6789',
      '分機：201',
      '資訊部',
      '張經理',
      'admin@precision.example',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).toMatch(/申請日期：民國\d{3}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain(`申請編號：${number}`);
    await sheet.getByText('公司章', { exact: true }).waitFor();
    await sheet.getByText('負責人章', { exact: true }).waitFor();
    expect(await axeViolations(company)).toEqual([]);
    // Printed, only the form shows.
    await company.emulateMedia({ media: 'print' });
    expect(await company.getByRole('button', { name: '列印申請表' }).isVisible()).toBe(false);
    expect(await company.getByRole('banner').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await publicContext.close();

    // The desk finds it and records the stamped original.
    const deskContext = await govdesk.context();
    const desk = await signInViaApi(deskContext, 'desk01', DEMO_PASSWORD);
    await desk.goto('/requests');
    await desk.getByRole('row').filter({ hasText: number }).getByRole('link', { name: number }).click();
    await desk.getByRole('heading', { level: 1, name: `申請單 ${number}` }).waitFor();
    expect(await desk.getByRole('region', { name: '申請資料' }).textContent()).toContain('線上公開申請（無帳號）');
    const own = desk.getByRole('region', { name: /：申請細項$/ });
    // The form's labels come with the type's definition, which may arrive after the request.
    await own.getByText('中科精密股份有限公司').waitFor();
    expect(await own.textContent()).toMatch(/公司名稱\s*中科精密股份有限公司/);
    await takeAction(desk, '資訊服務台收件（申請表正本）', async (dialog) => {
      await dialog.getByLabel(/^收件日期/).fill(isoDaysFromToday(0));
      await dialog.getByRole('checkbox', { name: '已加蓋公司章' }).check();
      await dialog.getByRole('checkbox', { name: '已加蓋負責人章' }).check();
    });
    // The review clock of 附件四 runs from the receipt: three working days.
    await desk.getByRole('region', { name: '服務時限' }).getByText('廠商帳號審查（3 工作天）').waitFor();
    const passed = await takeAction(desk, '要件審查完備，送業務單位審核', async (dialog) => {
      await dialog.getByRole('checkbox', { name: '申請表單填寫內容齊全' }).check();
      await dialog.getByRole('checkbox', { name: /電腦軟硬體配備完備/ }).check();
    });
    expect(passed).toContain('目前步驟：資訊科會業務單位審核（工商外貿科確認）');
    await deskContext.close();

    // 工商外貿科 (the business unit) confirms the company; its section chief takes the step.
    const tradeContext = await govdesk.context();
    const trade = await signInViaApi(tradeContext, 'chief01', DEMO_PASSWORD);
    await trade.goto('/requests');
    await trade.getByRole('link', { name: number }).click();
    await takeAction(trade, '業務單位確認', async (dialog) => {
      await dialog.getByRole('checkbox', { name: '確認為本園區之廠商或報關行' }).check();
      await dialog.getByRole('radio', { name: '園區廠商' }).check();
      await dialog.getByLabel(/^業務單位意見/).fill('經查為本園區登記廠商。');
    });
    await tradeContext.close();

    // The IT officer approves: the company administrator's account is created.
    const itContext = await govdesk.context();
    const it = await signInViaApi(itContext, 'itofficer01', DEMO_PASSWORD);
    await it.goto('/requests');
    await it.getByRole('link', { name: number }).click();
    await takeAction(it, '審查通過，開立系統管理者帳號', async (dialog) => {
      await dialog.getByLabel(/^資訊承辦人意見/).fill('資料齊全，同意開立。');
    });
    const history = it.getByRole('region', { name: '處理歷程' });
    await history.getByText('建立帳號', { exact: true }).waitFor();
    expect(await history.textContent()).toContain('帳號：c0007-admin');
    const record = (await it.getByRole('region', { name: '簽核及處理紀錄' }).textContent()) ?? '';
    expect(record).toMatch(/資訊服務台收件（申請表正本）李佳穎.*已加蓋公司章\s*是/s);
    expect(record).toMatch(/業務單位確認林志明.*經查為本園區登記廠商。/s);
    await it.waitForLoadState('networkidle');
    expect(await axeViolations(it)).toEqual([]);

    // The desk prints the same 附件四 from the request.
    await it.getByRole('link', { name: '列印申請表（附件四）' }).click();
    await it.getByRole('heading', { level: 1, name: '廠商共用性資訊服務系統管理者申請表' }).waitFor();
    expect(await it.locator('article.vendor-sheet').textContent()).toContain('中科精密股份有限公司');
    await itContext.close();

    // The credentials notice went to the administrator's address.
    const adminContext = await govdesk.context();
    const admin = await signInViaApi(adminContext, 'admin', ADMIN_PASSWORD);
    const outbox = JSON.stringify(await (await admin.request.get('/api/admin/outbox')).json());
    expect(outbox).toContain('admin@precision.example');
    await adminContext.close();
  });

  it('says so clearly when an address applies too often, keeping what was typed', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await page.route('**/api/public/vendor-applications', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:govdesk:problem:rate_limited',
          title: 'Too many requests',
          title_zh: '請求過於頻繁',
          status: 429,
          code: 'rate_limited',
        }),
      }),
    );
    await page.goto('/apply/vendor-account');
    await page.getByRole('heading', { level: 1, name: '廠商系統管理者帳號申請' }).waitFor();
    await fillApplication(page);
    await page.getByRole('button', { name: '送出申請' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '申請次數過多' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('請稍後再送出');
    expect(await page.getByLabel(/^公司名稱/).inputValue()).toBe('中科精密股份有限公司');
    await context.close();
  });

  it('fits a phone, the printable form included', async () => {
    const context = await govdesk.context(PHONE);
    const page = await context.newPage();
    await page.goto('/apply/vendor-account');
    await page.getByRole('button', { name: '送出申請' }).waitFor();
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await fillApplication(page);
    await page.getByRole('button', { name: '送出申請' }).click();
    await page.getByRole('heading', { name: '申請已送出' }).waitFor();
    expect(await width()).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { fileRequestViaApi, isoDaysFromToday } from './helpers/requests.js';
import { DEMO_PASSWORD } from './helpers/server.js';
import { actViaApi, signInViaApi, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
/** Where the files to upload are written. */
let files: string;

beforeAll(async () => {
  files = await mkdtemp(path.join(tmpdir(), 'govdesk-e2e-files-'));
});

afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

describe('filing and following a request (INT-6, DESK-1)', () => {
  it('lets a requester file a request with a file, find it, comment on it, and the desk see it', async () => {
    const staff = await govdesk.context();
    const page = await staff.newPage();
    await signIn(page, 'staff01', DEMO_PASSWORD);
    await expect.poll(() => page.title()).toBe('我的申請｜GovDesk 資訊服務申請系統');
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('王小明');

    // File the request from the menu, with an attachment.
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '新增申請' }).click();
    await page.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    expect(await page.getByRole('textbox', { name: '申請人', exact: true }).inputValue()).toBe('王小明');
    expect(await page.getByRole('textbox', { name: '申請單位', exact: true }).inputValue()).toBe('投資組');
    await page.getByLabel(/^希望完成日期/).fill(isoDaysFromToday(30));
    await page.getByLabel(/^摘要/).fill('投資組印表機無法列印');
    await page.getByLabel(/^申請服務事項/).fill('三樓投資組的印表機卡紙，清除後仍無法列印，請協助檢修。');
    const file = path.join(files, '印表機錯誤.txt');
    await writeFile(file, '印表機型號 HP M404，錯誤代碼 13.A2.D2');
    await page.getByLabel(/^附加檔案/).setInputFiles(file);
    await page.getByRole('button', { name: '送出申請' }).click();

    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const heading = await page.getByRole('heading', { level: 1, name: /申請單 CTSP-/ }).textContent();
    const number = /CTSP-\d+-\d+/.exec(heading ?? '')?.[0];
    expect(number).toBeDefined();
    await page
      .getByRole('status')
      .filter({ hasText: `已建立申請單 ${number}` })
      .waitFor();
    await page.getByRole('link', { name: path.basename(file) }).waitFor();

    // Find it in the list by its number.
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '我的申請' }).click();
    await page.getByLabel(/^關鍵字/).fill(number ?? '');
    await page.getByRole('button', { name: '查詢', exact: true }).click();
    await page.getByText('共 1 筆').waitFor();
    const row = page.getByRole('row').filter({ hasText: number ?? '' });
    expect(await row.textContent()).toContain('投資組印表機無法列印');
    expect(await row.textContent()).toContain('已送出');
    await row.getByRole('link', { name: number ?? '' }).click();

    // Comment, and see the history.
    await page.getByLabel(/^新增留言/).fill('補充：印表機在 3F-12 座位旁。');
    await page.getByRole('button', { name: '送出留言' }).click();
    await page.getByRole('status').filter({ hasText: '留言已送出' }).waitFor();
    await page.getByText('補充：印表機在 3F-12 座位旁。').waitFor();
    const history = page.getByRole('region', { name: '處理歷程' });
    await history.getByText('新增留言').waitFor();
    expect(await history.textContent()).toMatch(/建立申請單.*新增附件.*新增留言/s);
    expect(await history.textContent()).toContain('王小明');

    // Its printed form (附件一), drawn by the server with its embedded font (DOC-1).
    const pdfLink = await page.getByRole('link', { name: '下載 PDF' }).getAttribute('href');
    const pdf = await page.request.get(pdfLink ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('button', { name: '登出' }).click();
    await page.waitForURL('**/sign-in');
    await staff.close();

    // The desk sees it in the queue and takes it.
    const desk = await govdesk.context();
    const deskPage = await desk.newPage();
    await signIn(deskPage, 'desk01', DEMO_PASSWORD);
    await deskPage.getByRole('heading', { level: 1, name: '申請案件' }).waitFor();
    const queueRow = deskPage.getByRole('row').filter({ hasText: number ?? '' });
    expect(await queueRow.textContent()).toContain('王小明');
    expect(await queueRow.textContent()).toContain('未分派');
    await queueRow.getByRole('link', { name: number ?? '' }).click();
    await deskPage.getByLabel('承辦人', { exact: true }).selectOption({ label: '李佳穎（資訊服務科）' });
    await deskPage.getByRole('button', { name: '更新承辦人' }).click();
    await deskPage.getByRole('status').filter({ hasText: '承辦人已更新' }).waitFor();
    await deskPage.getByRole('region', { name: '處理歷程' }).getByText('承辦人：李佳穎').waitFor();
    await desk.close();
  });

  it('keeps the request when its files cannot be uploaded, and refuses files over 20 MiB at once', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'staff01', DEMO_PASSWORD);
    await page.goto('/requests/new');
    await page.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();

    // Too large: refused in the browser, before anything is sent.
    const large = path.join(files, 'large-scan.pdf');
    await writeFile(large, Buffer.alloc(21 * 1024 * 1024));
    await page.getByLabel(/^附加檔案/).setInputFiles(large);
    await page.getByText(`「${path.basename(large)}」超過 20 MiB`).waitFor();
    expect(await page.getByText('已選擇的檔案').count()).toBe(0);

    // The server refuses the upload (as it does with 413): the request exists all the same.
    await page.route('**/api/requests/*/attachments', (route) =>
      route.fulfill({
        status: 413,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:govdesk:problem:payload_too_large',
          title: 'The upload is too large',
          title_zh: '上傳的資料過大',
          status: 413,
          code: 'payload_too_large',
        }),
      }),
    );
    const small = path.join(files, '說明.txt');
    await writeFile(small, '說明文件');
    await page.getByLabel(/^附加檔案/).setInputFiles(small);
    await page.getByLabel(/^希望完成日期/).fill(isoDaysFromToday(30));
    await page.getByLabel(/^摘要/).fill('公文系統無法開啟附件');
    await page.getByLabel(/^申請服務事項/).fill('開啟公文附件時出現錯誤訊息。');
    await page.getByRole('button', { name: '送出申請' }).click();

    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const alert = page.getByRole('alert').filter({ hasText: '附件上傳失敗' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/申請單 CTSP-\d+-\d+ 已建立/);
    expect(await alert.textContent()).toContain('上傳的資料過大');
    await page.getByRole('heading', { level: 1, name: /申請單 CTSP-/ }).waitFor();
    // The upload control is there to try again.
    await page.getByLabel(/^上傳附件/).waitFor();
    await context.close();
  });

  it('takes a request through the desk’s receipt and handling to the applicant’s acceptance (INT-5)', async () => {
    const staffContext = await govdesk.context();
    const staff = await signInViaApi(staffContext, 'staff01', DEMO_PASSWORD);
    // 投資組 has no supervisors of its own in the demo: the request goes straight to the desk.
    const request = await fileRequestViaApi(staff, { title: '帳號密碼重設' });

    const deskContext = await govdesk.context();
    const desk = await signInViaApi(deskContext, 'desk01', DEMO_PASSWORD);
    await desk.goto(`/requests/${request.id}`);
    expect(await takeAction(desk, '資訊服務台收件')).toContain('目前狀態：處理中');
    // The IT section's approval and the dispatch are not what this test is about.
    await actViaApi(desk, request.id, 'triage', { isItService: true, withinContract: true, opinion: '合約內服務' });
    const itContext = await govdesk.context();
    const it = await signInViaApi(itContext, 'itofficer01', DEMO_PASSWORD);
    await actViaApi(it, request.id, 'approve_in_contract', { opinion: '同意辦理' });
    await itContext.close();
    await actViaApi(desk, request.id, 'dispatch', {
      difficulty: 'simple',
      plannedCompletionDate: isoDaysFromToday(14),
    });

    await desk.reload();
    const done = await takeAction(desk, '處理完成，通知申請單位確認', async (dialog) => {
      await dialog.getByRole('button', { name: '送出「處理完成，通知申請單位確認」' }).click();
      // Nothing filled in: each required field says so, and nothing is sent.
      await dialog.getByText('請填寫處理經過、結果。').waitFor();
      await dialog.getByLabel(/^處理經過、結果/).fill('已重設密碼並以電話通知申請人。');
      await dialog.getByLabel(/^實際上線\(完成\)時間/).fill(isoDaysFromToday(0));
    });
    expect(done).toContain('目前狀態：待驗收');
    const history = desk.getByRole('region', { name: '處理歷程' });
    expect(await history.textContent()).toContain(
      '步驟：處理完成，通知申請單位確認 · 進入：確認需求（通知申請單位驗收）',
    );
    await desk.getByRole('region', { name: '簽核及處理紀錄' }).getByText('已重設密碼並以電話通知申請人。').waitFor();

    await staff.goto(`/requests/${request.id}`);
    expect(await takeAction(staff, '驗收無誤（申請者確認）')).toContain('目前狀態：處理中');
    await actViaApi(desk, request.id, 'archive');
    await deskContext.close();
    await staff.reload();
    await staff.getByRole('heading', { level: 1, name: `申請單 ${request.number}` }).waitFor();
    expect(await staff.getByRole('region', { name: '申請資料' }).textContent()).toContain('已結案');
    // A closed request takes no more comments or files.
    expect(await staff.getByLabel(/^新增留言/).count()).toBe(0);
    expect(await staff.getByLabel(/^上傳附件/).count()).toBe(0);
    await staffContext.close();
  });

  it('loads the app’s scripts once: a browser keeps them, and asks for the page itself each time', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url());
    });
    const first = await page.goto('/sign-in');
    expect(first?.headers()['cache-control']).toBe('no-cache');
    await page.getByRole('button', { name: /^(登入|Sign in)$/ }).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) {
      expect(new URL(url).pathname).toMatch(/^\/assets\/[\w-]+-[\w-]{8}\.js$/);
      expect((await page.request.get(url)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    await context.close();
  });
});

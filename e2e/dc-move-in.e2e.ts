import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { currentStepText, submitNewRequest, usePeople } from './helpers/people.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { actViaApi, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
const people = usePeople(govdesk);

/** A small generated file standing for a scan or a report. */
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`),
});

/** A field's label, with or without the asterisk of a required field. */
const labelled = (label: string) => new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}\\s*\\*?$`);

/** Fills one of page 2's texts by its label, within the device's fieldset. */
const fill = (device: Locator, label: string, value: string) => device.getByLabel(labelled(label)).fill(value);

/** Uploads a generated file as a document of the checklist and waits for it to be listed. */
async function upload(page: Page, control: string, fileName: string): Promise<void> {
  await page.getByLabel(control, { exact: true }).setInputFiles(pdf(fileName));
  await page.getByRole('region', { name: '申請文件檢核表' }).getByRole('link', { name: fileName }).waitFor();
}

describe('a data-centre equipment move-in (issue 6, 001)', () => {
  it(
    'is filed with one Linux server, its documents uploaded, reviewed by seven, approved and registered',
    { timeout: 120_000 },
    async () => {
      const planned = isoDaysFromToday(14);
      const tooOld = isoDaysFromToday(-40);
      const today = isoDaysFromToday(0);

      // Everyone signs in at once (in a browser context of their own).
      const [staff] = await Promise.all(
        [
          'staff01',
          'dcadmin01',
          'asset01',
          'security01',
          'network01',
          'antivirus01',
          'mdr01',
          'vans01',
          'netsec01',
        ].map((username) => people.page(username)),
      );
      if (!staff) throw new Error('staff01 did not sign in');

      // 王小明 finds the data-centre application in the catalogue and opens its form.
      await staff.goto('/request-types');
      const card = staff.getByRole('region', { name: '資訊機房設備移（攜）出入申請', exact: true });
      await card.getByText('資訊機房設備移（攜）出入申請單').waitFor();
      await card.getByRole('link', { name: '填寫「資訊機房設備移（攜）出入申請」' }).click();
      await staff.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
      await staff.getByRole('heading', { level: 2, name: '申請單第 2 頁：軟硬體資產資料' }).waitFor();
      await staff.getByLabel(/^預定移（攜）出入日期/).fill(planned);
      await staff.getByLabel(/^摘要/).fill('投資案件管理系統主機移入資訊機房');
      await staff.getByLabel(/^申請原因/).fill('投資案件管理系統汰換主機，新主機移入本局資訊機房。');

      // Page 1.
      expect(await staff.getByRole('radio', { name: '移入', exact: true }).isChecked()).toBe(true);
      await staff.getByLabel(/^申請函文號/).fill('中科投字第1150012345號');
      await staff.getByLabel(/^申請函發文日期/).fill(today);
      await staff.getByLabel(/^系統名稱/).fill('投資案件管理系統');
      await staff.getByRole('checkbox', { name: /申請單已由申請機關核章/ }).check();

      // Page 2: one Linux application server, 「無」 where there is nothing to say.
      const device = staff.getByRole('group', { name: /^設備 1/ });
      await fill(device, '設備名稱', 'AP01');
      await device.getByLabel(labelled('設備種類')).selectOption('server_ap');
      for (const [label, value] of [
        ['廠牌', 'Dell'],
        ['型號', 'PowerEdge R650'],
        ['序號', 'SN-2026-0001'],
        ['作業系統版本', 'Ubuntu 24.04 LTS'],
        ['CPU', 'Xeon Silver 4314'],
        ['記憶體', '64 GB'],
        ['硬碟容量', '2 TB'],
        ['應用軟體', '投資案件管理系統 v3'],
        ['資料庫', '無'],
        ['用途', '投資案件管理系統應用伺服器'],
        ['保管人', '王小明'],
        ['維護廠商', '無'],
        ['保固期限', '2029-12-31'],
      ] as const) {
        await fill(device, label, value);
      }
      await device.getByLabel(labelled('作業系統')).selectOption('linux');
      await device.getByLabel(/^設備高度（U）/).fill('2');
      await device.getByRole('radio', { name: '內部 IP', exact: true }).check();
      // Exactly the tests a Server (AP) needs (001's table).
      const tests = device.getByRole('group', { name: '資訊安全檢測' });
      const testGroups = await tests
        .getByRole('group')
        .evaluateAll((groups) => groups.map((g) => g.querySelector('legend')?.textContent ?? ''));
      expect(testGroups).toEqual(['主機弱點掃描結果', '病毒及惡意程式偵測結果', '弱點、漏洞修補結果']);
      expect(await tests.textContent()).toContain('預定移入日前一個月內');
      for (const test of ['主機弱點掃描結果', '病毒及惡意程式偵測結果', '弱點、漏洞修補結果']) {
        const group = tests.getByRole('group', { name: test });
        await group.getByLabel(/^檢測日期/).fill(test === '主機弱點掃描結果' ? tooOld : today);
        await group.getByLabel(/^最高風險等級/).selectOption(test === '主機弱點掃描結果' ? 'low' : 'none');
      }

      // A scan more than a month before the move is refused, the message at the device's scan date.
      await staff.getByRole('button', { name: '送出申請' }).click();
      const refusal = /設備「AP01」的主機弱點掃描結果檢測日期 .* 早於預定移入日 .* 前一個月/;
      const hostScan = tests.getByRole('group', { name: '主機弱點掃描結果' });
      await hostScan.getByText(refusal).waitFor();
      expect(await hostScan.getByLabel(/^檢測日期/).getAttribute('aria-invalid')).toBe('true');
      const summaryLink = staff.getByRole('link', { name: refusal });
      expect(await summaryLink.getAttribute('href')).toBe('#dc-device-0-tests-host_scan-date');
      expect(await axeViolations(staff)).toEqual([]);

      // Scanned again within the month: filed.
      await hostScan.getByLabel(/^檢測日期/).fill(today);
      const { id, number } = await submitNewRequest(staff);
      expect(await currentStepText(staff)).toBe('申請機關備齊文件');

      // The checklist: the letter and the network forms (an IP), and the server's seven documents.
      const checklist = staff.getByRole('region', { name: '申請文件檢核表' });
      expect(await checklist.getByText('尚缺 10 項，齊備後才能送出申請').isVisible()).toBe(true);
      // A wrong file is withdrawn before the right one goes up.
      await upload(staff, '上傳「申請函（掃描檔）」', 'wrong-letter.pdf');
      await checklist.getByRole('button', { name: '撤回檔案「wrong-letter.pdf」' }).click();
      await checklist.getByRole('link', { name: 'wrong-letter.pdf' }).waitFor({ state: 'detached' });
      await upload(staff, '上傳「申請函（掃描檔）」', 'letter.pdf');
      await upload(staff, '上傳「主機設備網路連線申請單」', 'network.pdf');
      await upload(staff, '上傳「SSLVPN 網路連線維護申請單」', 'sslvpn.pdf');
      for (const [document, file] of [
        ['資訊系統上線作業紀錄表', 'golive.pdf'],
        ['主機弱點掃描結果', 'host-scan.pdf'],
        ['病毒及惡意程式偵測結果', 'malware.pdf'],
        ['弱點、漏洞修補結果', 'patch.pdf'],
        ['防毒軟體安裝佐證', 'antivirus.pdf'],
        ['端點 MDR／EDR 安裝佐證', 'mdr.pdf'],
        ['VANS 安裝佐證', 'vans.pdf'],
      ] as const) {
        await upload(staff, `上傳設備 1 的「${document}」`, file);
      }
      await checklist.getByText('所有須附的文件及檢測資料都已齊備。').waitFor();
      expect(await checklist.getByText('尚未上傳').count()).toBe(0);
      expect(await axeViolations(staff)).toEqual([]);
      expect(await takeAction(staff, '送出申請（文件齊備）')).toContain('數位發展局窗口收件');

      // The data-centre administrator receives the documents, then reviews in the browser with the asset number.
      const admin = await people.at('dcadmin01', id);
      await takeAction(admin, '窗口收件：4 項申請文件齊備', async (dialog) => {
        await dialog.getByLabel(/^收件日期/).fill(today);
        await dialog.getByRole('checkbox', { name: /已收到紙本申請函/ }).check();
        await dialog.getByRole('checkbox', { name: /已收到核章之申請單正本/ }).check();
      });
      await takeAction(admin, '資訊機房管理員審查意見', async (dialog) => {
        await dialog.getByRole('radio', { name: '符合規定' }).check();
        await dialog.getByLabel(/^意見/).fill('第 1 頁填寫無誤，給予資產編號。');
        await dialog.getByLabel(/^資產編號（依設備順序.*第 1 項/).fill('DC-115-0042');
        await dialog.getByLabel(/^機櫃位置（依設備順序）.*第 1 項/).fill('A03-U12');
      });

      // The other six review in parallel (through the API: each is one dialog like the administrator's).
      const reviews: Array<[string, string, Record<string, unknown>]> = [
        ['asset01', 'review_asset_keeper', { opinion: '資產資料完整。' }],
        ['security01', 'review_security', { opinion: '弱掃無中風險以上弱點，上線紀錄表符合 ISMS。' }],
        ['network01', 'review_network', { opinion: '網路連線申請單符合規定。', ipAddresses: ['10.20.30.40'] }],
        ['antivirus01', 'review_antivirus', { opinion: '防毒軟體已安裝並完成掃描。' }],
        ['mdr01', 'review_mdr', { opinion: '端點軟體已安裝並回報。' }],
        ['vans01', 'review_vans', { opinion: 'VANS 已安裝。' }],
      ];
      for (const [username, action, fields] of reviews) {
        await actViaApi(await people.page(username), id, action, { decision: 'approve', ...fields });
      }

      // The administrator sees every opinion and the numbers given, and forwards it.
      await admin.reload();
      const opinions = admin.getByRole('region', { name: '審查意見' });
      const table = opinions.getByRole('table', { name: '各管制人員的審查意見及結果' });
      const adminRow = table.getByRole('row', { name: /資訊機房管理員/ });
      expect(await adminRow.textContent()).toMatch(/資訊機房管理員符合規定第 1 頁填寫無誤，給予資產編號。周家豪/);
      expect(await table.getByRole('row', { name: /網路連線管理人員/ }).textContent()).toContain('孫偉倫');
      expect(await table.getByText('尚未審查').count()).toBe(0);
      const assigned = await opinions.getByRole('table', { name: /資產編號、機櫃位置及 IP 位置/ }).textContent();
      expect(assigned).toMatch(/設備 1：AP01DC-115-0042A03-U1210\.20\.30\.40/);
      await takeAction(admin, '彙整意見陳核', async (dialog) => {
        await dialog.getByLabel(/^彙整意見/).fill('各審查人員意見均符合，陳請核准。');
      });

      // The network & security section chief approves in the browser.
      const chief = await people.at('netsec01', id);
      expect(
        await takeAction(chief, '核准', async (dialog) => {
          await dialog.getByLabel(/^核示意見/).fill('准予移入。');
        }),
      ).toContain('目前狀態：已結案');

      // The requester sees it approved, and the device entered in the register with its number.
      await people.at('staff01', id);
      await staff.getByRole('heading', { level: 1, name: `申請單 ${number}` }).waitFor();
      expect(await currentStepText(staff)).toBe('已核准（通知申請單位）');
      const history = staff.getByRole('region', { name: '處理歷程' });
      const registered = history.getByRole('listitem').filter({ hasText: '登錄資產清冊' });
      expect(await registered.textContent()).toContain('資產編號：DC-115-0042');
      expect(await staff.getByRole('link', { name: '列印移（攜）出入申請單（PDF）' }).getAttribute('href')).toBe(
        `/api/requests/${id}/form.pdf`,
      );
    },
  );
});

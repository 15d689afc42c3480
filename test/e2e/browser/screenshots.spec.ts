// Regenerates the README screenshots (docs/screenshots/). Run on purpose only, so CI never rewrites them:
//   SCREENSHOTS=1 npx playwright test screenshots --project browser
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  apiLogin,
  prepareOffice,
  repoRoot,
  startWebEdition,
  testAgency,
  type PreparedOffice,
  type WebEdition,
} from '../../helpers/web-edition';
import { expect, test } from './fixtures';

const outDir = path.join(repoRoot, 'docs', 'screenshots');
const demoCount = Number(process.env.SCREENSHOT_DEMO_COUNT ?? 2000);

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to regenerate docs/screenshots');
test.use({ viewport: { width: 1440, height: 900 } });

interface AppraiserRow {
  id: number;
  fullName: string;
}

/** Assign, request a supplement, receive it, enter the licence content and propose — through the API. */
async function advanceDossier(edition: WebEdition, office: PreparedOffice, dossierId: number): Promise<void> {
  const leader = await apiLogin(edition, office.leader);
  const appraiser = await apiLogin(edition, office.appraiser);
  const perform = async (session: string, action: string, input: Record<string, unknown> = {}) => {
    const view = await edition.call<{ version: number }>('workflow.view', { dossierId }, session);
    await edition.call('workflow.perform', { dossierId, version: view.version, action, input }, session);
  };
  const appraisers = await edition.call<AppraiserRow[]>('workflow.appraisers', {}, leader);
  const assignee = appraisers.find((a) => a.fullName === office.appraiser.fullName);
  await perform(leader, 'assign', {
    assigneeId: String(assignee?.id),
    note: 'Đề nghị thẩm định trong 5 ngày.',
  });
  await perform(appraiser, 'requestSupplement', {
    reason: 'Bản thảo chưa đóng dấu giáp lai của tổ chức đề nghị cấp phép.',
    missingComponents: ['Bản thảo tài liệu có đóng dấu giáp lai'],
  });
  await perform(appraiser, 'receiveSupplement', { note: 'Người nộp bổ sung trực tiếp tại Bộ phận Một cửa.' });
  const view = await edition.call<{
    version: number;
    licenceFieldSpec: Array<{ key: string; required: boolean }>;
  }>('workflow.view', { dossierId }, appraiser);
  const sample: Record<string, string> = {
    organizationName: 'Công ty TNHH Sách Đặng Hòa',
    organizationAddress: 'Số 25 đường Nguyễn Gia Thiều, phường Suối Hoa, thành phố Bắc Ninh',
    documentTitle: 'Kỷ yếu 30 năm thành lập Công ty TNHH Sách Đặng Hòa',
    documentForm: 'In',
    pageCount: '120 trang',
    language: 'Tiếng Việt',
    purpose: 'Tặng cán bộ, nhân viên và đối tác; không kinh doanh',
  };
  await edition.call(
    'workflow.setLicenceFields',
    {
      dossierId,
      version: view.version,
      fields: Object.fromEntries(
        view.licenceFieldSpec.filter((f) => f.key in sample).map((f) => [f.key, sample[f.key] ?? '']),
      ),
    },
    appraiser,
  );
  await perform(appraiser, 'propose', {
    proposal: 'approve',
    opinion: 'Hồ sơ đầy đủ, nội dung tài liệu phù hợp; đề nghị cấp giấy phép.',
  });
}

test('README screenshots', async ({
  page,
  pages: {
    login,
    changePassword,
    setup,
    intake,
    list,
    dossier,
    shell,
    calendar,
    users,
    statistics,
    report,
    importer,
    backup,
  },
}, testInfo) => {
  test.setTimeout(5 * 60_000);
  mkdirSync(outDir, { recursive: true });
  const shot = async (name: string, fullPage = false) => {
    // Toasts from an earlier step ("Đã tải giấy tiếp nhận") are not part of the screen being shown.
    const toasts = page.locator('.mantine-Notification-root');
    for (const close of await toasts.getByRole('button').all()) await close.click();
    await expect(toasts).toHaveCount(0);
    await page.screenshot({ path: path.join(outDir, name), animations: 'disabled', fullPage });
  };

  let edition: WebEdition | undefined;
  try {
    // A fresh first-run store for the setup screen…
    edition = await startWebEdition();
    await page.goto(edition.url);
    await login.expectVisible();
    await shot('login.png');
    const admin = await login.firstRunAccount();
    await login.login(admin.username, admin.password);
    await changePassword.setNewPassword('mật khẩu mới của quản trị');
    await setup.expectVisible();
    await setup.fillAgency(testAgency);
    await setup.fillSigners([
      { name: 'Nguyễn Văn Hùng', title: 'Giám đốc', capacity: 'head' },
      { name: 'Lê Thị Thu Hà', title: 'Phó Giám đốc', capacity: 'deputy' },
    ]);
    await setup.fillReceiver('Trần Thị Mai');
    await page.mouse.wheel(0, -10_000);
    await shot('setup.png', true);
    await edition.stop();

    // …then a store with a few years of demo dossiers for the working screens.
    edition = await startWebEdition({ seedDemoCount: demoCount });
    const office = await prepareOffice(edition);
    await page.goto(edition.url);
    await login.login(office.clerk.username, office.clerk.password);

    await intake.chooseProcedureByTyping(
      'xuat ban tai lieu',
      /Cấp giấy phép xuất bản tài liệu không kinh doanh/,
    );
    await intake.applicantName.fill('Công ty TNHH Sách Đặng Hòa');
    await intake.idNumber.fill('2300123456');
    await intake.address.fill('Số 25 đường Nguyễn Gia Thiều, phường Suối Hoa, thành phố Bắc Ninh');
    await intake.phone.fill('0222 3855 123');
    await intake.email.fill('lienhe@sachdanghoa.vn');
    const rows = await intake.componentRows.count();
    for (let index = 0; index < Math.max(0, rows - 1); index += 1)
      await intake.componentCheckbox(index).check();
    await expect(intake.duePreview).toBeVisible();
    await intake.notes.click();
    // Tall enough for the whole form: a full-page capture would cut the fixed sidebar at the viewport.
    await page.setViewportSize({ width: 1440, height: 960 });
    await shot('intake.png');
    await page.setViewportSize({ width: 1440, height: 900 });

    if (rows > 0) await intake.componentCheckbox(rows - 1).check();
    await intake.submitButton.click();
    const { code } = await intake.expectReceived();
    await page.mouse.move(0, 0);
    await shot('intake-result.png');

    await list.goto();
    await expect(list.rows.first()).toBeVisible();
    await shot('dossier-list.png');

    await list.open(code);
    await dossier.expectOpen(code);
    const dossierId = dossier.dossierId();
    await page.mouse.move(0, 0);
    await shot('dossier-detail.png');
    const download = await dossier.downloadReceipt();

    const pdf = testInfo.outputPath('receipt.pdf');
    await download.saveAs(pdf);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, path.join(outDir, 'receipt')]);
    await dossier.backToList();

    await page.getByRole('link', { name: /Thủ tục hành chính/ }).click();
    await expect(page.getByTestId('procedure-row').first()).toBeVisible();
    await shot('procedures.png');

    // The same dossier after appraisal (set up through the API), as the director sees it before signing.
    await advanceDossier(edition, office, dossierId);
    await shell.logout();
    await login.login(office.director.username, office.director.password);
    await page.goto(`${edition.baseUrl}#/ho-so/${dossierId}`);
    await dossier.expectOpen(code);
    await expect(dossier.actionButton('Phê duyệt')).toBeVisible();
    await page.mouse.move(0, 0);
    await shot('dossier-timeline.png');
    await dossier.tab('Thời hạn');
    await expect(dossier.ledger).toBeVisible();
    await shot('dossier-ledger.png');
    await dossier.tab('Nội dung giấy phép');
    await shot('dossier-licence-fields.png');
    const refuse = await dossier.startAction('Từ chối', 'Từ chối giải quyết');
    const reasons = refuse.getByRole('combobox', { name: 'Lý do từ chối' });
    await reasons.fill(
      'Tài liệu có nội dung quảng cáo thương mại, không thuộc diện xuất bản không kinh doanh',
    );
    await reasons.press('Enter');
    await reasons.press('Tab');
    await shot('dossier-action.png');
    await page.keyboard.press('Escape');
    await expect(refuse).toBeHidden();
    await shell.logout();

    // The administrator's screens: the working calendar (and a change's preview), the accounts.
    await login.login(office.admin.username, office.admin.password);
    await calendar.goto();
    await page.mouse.move(0, 0);
    await shot('calendar.png');
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const workdays = await page
      .locator('[data-testid="calendar-year"] button[data-kind="workday"]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date') ?? ''));
    const workday = workdays.find((date) => date > today);
    if (workday) {
      await calendar.addDayOff(workday, 'Nghỉ đột xuất (ví dụ)', 'Thông báo 123/TB-UBND');
      await calendar.preview
        .getByRole('textbox', { name: 'Lý do thay đổi' })
        .fill('Ủy ban nhân dân tỉnh cho nghỉ');
      await shot('calendar-preview.png');
      await calendar.preview.getByRole('button', { name: 'Hủy' }).click();
    }
    await users.goto();
    await page.mouse.move(0, 0);
    await shot('users.png');

    // The manager's screens (as the administrator, who may also export) and the administrator's data tools.
    await page.setViewportSize({ width: 1440, height: 1800 });
    await statistics.goto();
    await statistics.period.choose('Năm');
    await expect(page.getByTestId('period-name')).toContainText('Năm');
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.mouse.move(0, 0);
    await shot('statistics.png');
    await page.setViewportSize({ width: 1440, height: 900 });
    await statistics.openKpi('pending.overdue');
    await expect(statistics.drilldown.rows.first()).toBeVisible();
    await shot('statistics-drilldown.png');
    await statistics.drilldown.close();

    await page.setViewportSize({ width: 1440, height: 1100 });
    await report.goto();
    await expect(report.invariants).toBeVisible();
    await page.mouse.move(0, 0);
    await shot('report.png');

    const year = new Date().getFullYear() - 1;
    await importer.goto();
    await importer.chooseFile(
      'so-theo-doi-2019.csv',
      [
        '\uFEFFma_ho_so,ma_thu_tuc,ten_to_chuc_ca_nhan,kenh_nop,ngay_tiep_nhan,ngay_hen_tra,ngay_hoan_thanh,ngay_tra_ket_qua,ket_qua,so_giay_phep,ghi_chu',
        `CU-0001,1.003868,Công ty TNHH Sách Đặng Hòa,truc_tiep,05/03/${year} 08:15,19/03/${year},17/03/${year},18/03/${year},cap_phep,12/GP-SVHTTDL,`,
        `CU-0002,1.003868,Nhà xuất bản Bắc Ninh,buu_chinh,31/02/${year},16/03/${year},,,dang_xu_ly,,`,
        `CU-0003,9.999999,Cơ sở in Hòa Bình,truc_tuyen,${year}-04-01,${year}-04-10,${year}-04-09,,tu_choi,,`,
        `CU-0004,1.003868,Trường THPT Hàn Thuyên,qua_email,${year}-05-02,${year}-05-16,${year}-05-10,,cap_phep,,`,
        `CU-0005,2.001740,Công ty CP In Kinh Bắc,truc_tiep,${year}-06-03,${year}-06-17,${year}-06-01,,cap_phep,,`,
      ].join('\r\n'),
    );
    await importer.checkButton.click();
    await expect(importer.errorRows.first()).toBeVisible();
    await page.mouse.move(0, 0);
    await shot('import.png');

    await page.setViewportSize({ width: 1440, height: 900 });
    await backup.goto();
    await backup.backupNow();
    await page.mouse.move(0, 0);
    await shot('backup.png');
  } finally {
    await edition?.stop();
  }
});

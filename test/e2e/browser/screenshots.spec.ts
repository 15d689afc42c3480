// Regenerates the README screenshots (docs/screenshots/). Run on purpose only, so CI never rewrites them:
//   SCREENSHOTS=1 npx playwright test screenshots --project browser
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  prepareOffice,
  repoRoot,
  startWebEdition,
  testAgency,
  type WebEdition,
} from '../../helpers/web-edition';
import { expect, test } from './fixtures';

const outDir = path.join(repoRoot, 'docs', 'screenshots');
const demoCount = Number(process.env.SCREENSHOT_DEMO_COUNT ?? 2000);

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to regenerate docs/screenshots');
test.use({ viewport: { width: 1440, height: 900 } });

test('README screenshots', async ({
  page,
  pages: { login, changePassword, setup, intake, list, detail },
}, testInfo) => {
  test.setTimeout(5 * 60_000);
  mkdirSync(outDir, { recursive: true });
  const shot = (name: string, fullPage = false) =>
    page.screenshot({ path: path.join(outDir, name), animations: 'disabled', fullPage });

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
    await detail.expectOpen(code);
    await shot('dossier-detail.png');
    const download = await detail.downloadReceipt();

    const pdf = testInfo.outputPath('receipt.pdf');
    await download.saveAs(pdf);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, path.join(outDir, 'receipt')]);
    await detail.close();

    await page.getByRole('link', { name: /Thủ tục hành chính/ }).click();
    await expect(page.getByTestId('procedure-row').first()).toBeVisible();
    await shot('procedures.png');
  } finally {
    await edition?.stop();
  }
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { AttachmentsPanel } from '../pages/attachments-panel';
import { makePdf, makePng } from '../../helpers/scan-fixtures';

test.use({ actionTimeout: 15_000 });

test('the clerk attaches a scan at intake; the appraiser previews it in the dossier', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, intake, list, dossier },
}, testInfo) => {
  test.setTimeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-scans-'));
  const scan = path.join(dir, 'Đơn đề nghị – bản quét.png');
  fs.writeFileSync(scan, makePng(320, 200, 3));
  const broken = path.join(dir, 'ban-thao.pdf');
  fs.writeFileSync(broken, (await makePdf('Ban thao')).subarray(0, 300));
  const applicantName = `Nhà xuất bản Thử nghiệm ${testInfo.workerIndex}-${Date.now() % 100000}`;
  let code = '';

  await page.goto(webEdition.url);
  await test.step('the clerk receives the dossier and attaches the scanned application at once', async () => {
    await login.login(office.clerk.username, office.clerk.password);
    await shell.expectSignedInAs(office.clerk.fullName);
    ({ code } = await intake.receivePublishingDossier({ name: applicantName, idNumber: '0108999888' }));
    const panel = new AttachmentsPanel(page, intake.result);
    await expect(panel.scansMissing).toContainText('chưa có bản quét');
    await panel.attach(1, scan);
    await expect(panel.files(1)).toHaveCount(1);
    await expect(panel.files(1)).toContainText('Đơn đề nghị – bản quét.png');

    // A truncated PDF is refused with a clear message and nothing is attached.
    await panel.attach(2, broken);
    await expect(panel.error).toContainText('bị cắt cụt');
    await expect(panel.files(2)).toHaveCount(0);
  });

  await test.step('the list marks the dossier: some provided components still lack a scan', async () => {
    await list.goto();
    await list.searchFor(code);
    await expect(list.rows).toHaveCount(1);
    await expect(list.rows.first().getByTestId('scans-missing-mark')).toHaveText(/^thiếu \d+$/);
    await shell.logout();
  });

  await test.step('the appraiser opens the dossier and previews the scan', async () => {
    await login.login(office.appraiser.username, office.appraiser.password);
    await shell.expectSignedInAs(office.appraiser.fullName);
    await list.goto();
    await list.searchFor(code);
    await list.open(code);
    await dossier.expectOpen(code);
    await dossier.tab(/Bản quét, bản điện tử/);
    const panel = new AttachmentsPanel(page, dossier.root);
    const preview = await panel.open(1, 'Đơn đề nghị – bản quét.png');
    const image = preview.getByTestId('preview-image');
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(320);
    await page.screenshot({ path: testInfo.outputPath('attachment-preview.png') });
  });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an administrator sets the scanner folder; the clerk attaches the file the scanner left there', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, intake },
}, testInfo) => {
  test.setTimeout(90_000);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-scanner-'));
  await page.goto(webEdition.url);

  await test.step('the administrator sets the scanner folder of this machine', async () => {
    await login.login(office.admin.username, office.admin.password);
    await shell.expectSignedInAs(office.admin.fullName);
    await page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Cài đặt/ })
      .click();
    const form = page.getByRole('form', { name: 'Cài đặt tệp đính kèm' });
    await form.getByRole('textbox', { name: 'Thư mục máy quét (cho mọi người dùng)' }).fill(folder);
    await form.getByRole('button', { name: 'Lưu cài đặt tệp đính kèm' }).click();
    await expect(page.getByText('Đã lưu cài đặt tệp đính kèm')).toBeVisible();
    await shell.logout();
  });

  await test.step('the scanner saves a page; the clerk attaches it to the dossier on screen', async () => {
    fs.writeFileSync(path.join(folder, 'SCAN0001.png'), makePng(200, 100, 8));
    await login.login(office.clerk.username, office.clerk.password);
    await shell.expectSignedInAs(office.clerk.fullName);
    await intake.receivePublishingDossier({
      name: `Công ty Máy quét ${testInfo.workerIndex}-${Date.now() % 100000}`,
      idNumber: '0108777666',
    });
    const panel = new AttachmentsPanel(page, intake.result);
    const dropFolder = panel.root.getByTestId('drop-folder');
    await expect(dropFolder).toContainText('SCAN0001.png');
    await dropFolder.getByRole('button', { name: 'Đính kèm', exact: true }).click();
    await expect(panel.files(1)).toContainText('SCAN0001.png');
    await expect(dropFolder).toContainText('Chưa có tệp mới từ máy quét.');
    expect(fs.existsSync(path.join(folder, 'da-dinh-kem', 'SCAN0001.png'))).toBe(true);
  });
  fs.rmSync(folder, { recursive: true, force: true });
});

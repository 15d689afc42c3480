import { expect, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

test('an administrator checks a legacy CSV, sees the bad line, imports the good rows and finds them in the list', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, importer, list },
}) => {
  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() - 1;
  const tag = `${Date.now() % 1_000_000}`;
  const codes = [`CU-${tag}-0001`, `CU-${tag}-0002`, `CU-${tag}-0003`];
  const csv = [
    'ma_ho_so,ma_thu_tuc,ten_to_chuc_ca_nhan,kenh_nop,ngay_tiep_nhan,ngay_hen_tra,ngay_hoan_thanh,ngay_tra_ket_qua,ket_qua,so_giay_phep,ghi_chu',
    `${codes[0]},1.003868,Công ty TNHH Sách Đặng Hòa,truc_tiep,05/03/${year} 08:15,19/03/${year},17/03/${year},18/03/${year},cap_phep,12/GP-SVHTTDL,`,
    `${codes[1]},1.003868,Nhà xuất bản Bắc Ninh,buu_chinh,31/02/${year},16/03/${year},,,dang_xu_ly,,`,
    `${codes[2]},1.003868,Hội Văn học nghệ thuật tỉnh Bắc Ninh,truc_tuyen,${year}-04-01,${year}-04-15,${year}-04-09,,tu_choi,,Thiếu bản thảo`,
  ].join('\r\n');

  await page.goto(webEdition.url);
  await login.login(office.admin.username, office.admin.password);
  await shell.expectSignedInAs(office.admin.fullName);
  await importer.goto();
  await importer.chooseFile('so-theo-doi-cu.csv', `\uFEFF${csv}\r\n`);

  await test.step('the dry run names line 3 and why, and writes nothing', async () => {
    await importer.checkButton.click();
    await expect(importer.summary).toContainText('1/3 dòng có lỗi');
    await expect(importer.errorRows).toHaveCount(1);
    await expect(importer.errorRow(3)).toContainText('ngay_tiep_nhan');
    await expect(importer.errorRow(3)).toContainText(`31/02/${year} không tồn tại`);
    // A file with bad rows is imported only when the administrator chooses to skip them.
    await expect(importer.importButton).toBeDisabled();
  });

  await test.step('import with the bad rows skipped', async () => {
    await importer.skipInvalid.check();
    await importer.importButton.click();
    await expect(importer.summary).toContainText('Đã nhập 2 hồ sơ');
  });

  await test.step('the imported dossiers are in the list, the bad one is not', async () => {
    await list.goto();
    await list.searchFor(`CU-${tag}`);
    await expect(list.row(codes[0]!)).toBeVisible();
    await expect(list.row(codes[2]!)).toBeVisible();
    await expect(list.row(codes[1]!)).toHaveCount(0);
    // Polled: the total of an earlier keystroke's search can still be shown for a moment.
    await expect.poll(() => list.totalCount()).toBe(2);
  });
});

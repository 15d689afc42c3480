import { execFileSync } from 'node:child_process';
import { testAgency } from '../../helpers/web-edition';
import { expect, test } from './fixtures';

const applicant = {
  name: 'Công ty TNHH Sách Đặng Hòa',
  idNumber: '2300123456',
  address: 'Số 25 đường Nguyễn Gia Thiều, phường Suối Hoa, thành phố Bắc Ninh',
  phone: '0222 3855 123',
  email: 'lienhe@sachdanghoa.vn',
};

/** pdftotext (poppler-utils) output with runs of whitespace collapsed, so line breaks do not matter. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

/** '10/12/2026' -> the receipt's 'ngày 10 tháng 12 năm 2026' (day and month with or without a leading zero). */
function receiptDatePattern(ddmmyyyy: string): RegExp {
  const [d, m, y] = ddmmyyyy.split('/').map(Number);
  return new RegExp(`ngày 0?${d} tháng 0?${m} năm ${y}`);
}

test('first-run setup, then a clerk receives a dossier with the keyboard only and prints its receipt', async ({
  page,
  freshWebEdition,
  pages: { login, changePassword, setup, intake, list, dossier },
}, testInfo) => {
  await page.goto(freshWebEdition.url);

  await test.step('first login with the one-time administrator password', async () => {
    await login.expectVisible();
    // The token left the address bar as soon as the app read it.
    expect(page.url()).not.toContain('token=');
    const account = await login.firstRunAccount();
    await login.login(account.username, account.password);
    await changePassword.setNewPassword('mật khẩu mới của quản trị');
  });

  await test.step('first-run setup through the UI', async () => {
    await setup.expectVisible();
    await setup.fillAgency(testAgency);
    await setup.fillSigners([
      { name: 'Nguyễn Văn Hùng', title: 'Giám đốc', capacity: 'head' },
      { name: 'Lê Thị Thu Hà', title: 'Phó Giám đốc', capacity: 'deputy' },
    ]);
    // The UBND tỉnh signs the licences it issues itself (issue 12 §3); names are typed as in a sentence.
    await expect(setup.field('Tên Ủy ban nhân dân tỉnh')).toHaveValue('Ủy ban nhân dân tỉnh Bắc Ninh');
    await setup.fillSigners(
      [
        { name: 'Nguyễn Hữu An', title: 'Chủ tịch', capacity: 'head' },
        { name: 'Lê Thị Hạnh', title: 'Phó Chủ tịch', capacity: 'deputy' },
      ],
      'ubnd',
    );
    await setup.fillReceiver('Trần Thị Mai');
    await setup.save();
  });

  let code = '';
  let dueDate = '';
  await test.step('receive a dossier using the keyboard only', async () => {
    // The procedure box has the focus when the screen opens.
    await expect(intake.procedure).toBeFocused();
    await intake.chooseProcedureByTyping(
      'xuat ban tai lieu',
      /Cấp giấy phép xuất bản tài liệu không kinh doanh/,
    );
    await expect(intake.applicantName).toBeFocused();
    await intake.typeApplicantWithKeyboard(applicant);
    const ticked = await intake.tickAllComponentsWithKeyboard();
    expect(ticked).toBeGreaterThan(0);
    await expect(intake.duePreview).toContainText('Hẹn trả:');
    await expect(intake.duePreview).toContainText('10 ngày làm việc');
    await page.keyboard.press('Control+Enter');
    ({ code, dueDate } = await intake.expectReceived());
    expect(code).toMatch(/^000\.00\.14\.H20-\d{6}-\d{4}$/);
    expect(dueDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  await test.step('the dossier is in the list and an unaccented search finds it', async () => {
    await list.goto();
    await expect(list.row(code)).toBeVisible();
    await expect(list.row(code)).toContainText(applicant.name);
    await expect(list.row(code)).toContainText('Đã tiếp nhận');
    await list.searchFor('dang hoa');
    await expect(list.total).toHaveText('1');
    await expect(list.rows).toHaveCount(1);
    await expect(list.row(code)).toBeVisible();
  });

  await test.step('open it and download the receipt', async () => {
    await list.open(code);
    await dossier.expectOpen(code);
    await expect(dossier.applicant).toHaveText(applicant.name);
    const download = await dossier.downloadReceipt();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = testInfo.outputPath('receipt.pdf');
    await download.saveAs(file);

    const text = pdfText(file);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(code);
    expect(text).toContain(applicant.name.normalize('NFC'));
    expect(text).toMatch(receiptDatePattern(dueDate));
  });
});

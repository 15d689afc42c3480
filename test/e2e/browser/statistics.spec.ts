import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';

/** pdftotext (poppler-utils) output with runs of whitespace collapsed, so line breaks do not matter. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

/** Columns (3)–(13) of the workbook's "Tổng cộng" row (column A = STT, B = label, C… = (3)…). */
async function workbookTotals(file: string): Promise<Record<string, number>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  let totals: Record<string, number> | null = null;
  sheet.eachRow((row) => {
    if (totals || String(row.getCell(2).value ?? '').trim() !== 'Tổng cộng') return;
    totals = {};
    for (let n = 3; n <= 13; n += 1) totals[`c${n}`] = Number(row.getCell(n).value);
  });
  if (!totals) throw new Error('no "Tổng cộng" row in the workbook');
  return totals;
}

test.use({ actionTimeout: 15_000 });

test('a director reads the dashboard, opens the overdue list behind its number, and exports Biểu 06', async ({
  page,
  webEdition,
  office,
  overdueDossiers,
  pages: { login, shell, statistics, report },
}, testInfo) => {
  await page.goto(webEdition.url);
  await login.login(office.director.username, office.director.password);
  await shell.expectSignedInAs(office.director.fullName);

  const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
  let overdue = 0;
  await test.step('the dashboard for this year', async () => {
    await statistics.goto();
    await statistics.period.choose('Năm');
    await expect(page.getByTestId('period-name')).toHaveText(`Năm ${year}`);
    await expect(statistics.period.range).toContainText(`Từ ngày 01/01/${year}`);
    // The seeded dossiers were received weeks ago and are still open: overdue.
    await expect
      .poll(() => statistics.kpiCount('pending.overdue'))
      .toBeGreaterThanOrEqual(overdueDossiers.length);
    overdue = await statistics.kpiCount('pending.overdue');
    const pending = await statistics.kpiCount('pending.total');
    const inTime = await statistics.kpiCount('pending.inTime');
    expect(pending).toBe(inTime + overdue);
  });

  await test.step('the overdue number opens exactly that many dossiers', async () => {
    await statistics.openKpi('pending.overdue');
    expect(await statistics.drilldown.totalCount()).toBe(overdue);
    // A short list is drawn whole (the table is virtualised: a long one draws only what is in view).
    if (overdue <= 10) await expect(statistics.drilldown.rows).toHaveCount(overdue);
    for (const seeded of overdueDossiers) await expect(statistics.drilldown.row(seeded.code)).toBeVisible();

    // A row opens the dossier; going back shows the same list again.
    const first = overdueDossiers[0]!;
    await statistics.drilldown.row(first.code).click();
    await expect(page).toHaveURL(new RegExp(`#/ho-so/${first.id}$`));
    await expect(page.getByTestId('detail-code')).toHaveText(first.code);
    await page.goBack();
    await expect(statistics.drilldown.dialog).toBeVisible();
    expect(await statistics.drilldown.totalCount()).toBe(overdue);
    // Coming back through the menu instead starts from the dashboard alone.
    await statistics.drilldown.row(first.code).click();
    await expect(page.getByTestId('detail-code')).toHaveText(first.code);
    await statistics.goto();
    await expect(statistics.drilldown.dialog).toBeHidden();
    expect(await statistics.kpiCount('pending.overdue')).toBe(overdue);
  });

  await test.step('a bad period shows the backend’s Vietnamese message', async () => {
    await statistics.period.customRange(`10/03/${year}`, `01/03/${year}`);
    await expect(statistics.period.error).toContainText(
      `Ngày kết thúc (01/03/${year}) phải sau hoặc trùng ngày bắt đầu (10/03/${year}).`,
    );
    await statistics.period.customRange(`01/01/${year + 2}`, `31/01/${year + 2}`);
    await expect(statistics.period.error).toContainText('nằm hoàn toàn trong tương lai');
    await statistics.period.choose('Năm');
    await expect(statistics.period.error).toBeHidden();
  });

  await test.step('Biểu 06 for the same period, exported to Excel and PDF', async () => {
    await report.goto();
    await expect(page.getByTestId('period-name')).toHaveText(`Năm ${year}`);
    await expect(report.invariants).toContainText('Số liệu khớp');
    const screen = await report.totals();
    expect(screen.c13).toBe(overdue);
    expect(screen.c3).toBe(screen.c7! + screen.c11!);
    const periodLabel = (await report.period.range.textContent()) ?? '';
    expect(periodLabel).toMatch(/^Từ ngày \d\d\/\d\d\/\d{4} đến ngày \d\d\/\d\d\/\d{4}$/);

    const xlsx = await report.exportReport('xlsx');
    expect(xlsx.suggestedFilename()).toMatch(/^Bieu-06-VPCP-KSTT_.*\.xlsx$/);
    const xlsxFile = testInfo.outputPath('bieu-06.xlsx');
    await xlsx.saveAs(xlsxFile);
    expect(await workbookTotals(xlsxFile)).toEqual(screen);

    const pdf = await report.exportReport('pdf');
    const pdfFile = testInfo.outputPath('bieu-06.pdf');
    await pdf.saveAs(pdfFile);
    const text = pdfText(pdfFile);
    expect(text).toContain('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain(periodLabel);

    const register = await report.exportRegister('xlsx');
    expect(register.suggestedFilename()).toMatch(/^So-theo-doi-ho-so_.*\.xlsx$/);
  });

  await test.step('the day’s register print-out from the header', async () => {
    await page.getByRole('button', { name: 'In bản kê ngày' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tạo bản kê (PDF)' }).click(),
    ]);
    const file = testInfo.outputPath('ban-ke-ngay.pdf');
    await download.saveAs(file);
    const today = new Date(Date.now() + 7 * 3_600_000);
    const text = pdfText(file);
    expect(text).toContain('BẢN KÊ HỒ SƠ VÀ GIẤY PHÉP TRONG NGÀY');
    expect(text).toMatch(
      new RegExp(
        `Ngày 0?${today.getUTCDate()} tháng 0?${today.getUTCMonth() + 1} năm ${today.getUTCFullYear()}`,
      ),
    );
  });
});

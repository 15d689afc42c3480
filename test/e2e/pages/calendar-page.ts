import { expect, type Locator, type Page } from '@playwright/test';

/** Lịch làm việc: the year's month grids, the exceptions list, the add dialog and the change preview. */
export class CalendarPage {
  readonly yearSelect: Locator;
  readonly yearStatus: Locator;
  readonly workingDays: Locator;
  readonly addDialog: Locator;
  readonly preview: Locator;
  readonly movedRows: Locator;
  readonly exceptionRows: Locator;

  constructor(readonly page: Page) {
    this.yearSelect = page.getByRole('combobox', { name: 'Năm', exact: true });
    this.yearStatus = page.getByTestId('year-status');
    this.workingDays = page.getByTestId('working-days');
    this.addDialog = page.getByRole('dialog', { name: 'Thêm ngày nghỉ hoặc ngày làm bù' });
    this.preview = page.getByRole('dialog', { name: 'Xem trước thay đổi lịch làm việc' });
    this.movedRows = this.preview.getByTestId('moved-row');
    this.exceptionRows = page.getByTestId('exception-row');
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Lịch làm việc/ })
      .click();
    await expect(this.yearStatus).toBeVisible();
  }

  async showYear(year: number): Promise<void> {
    if ((await this.yearSelect.inputValue()) === String(year)) return;
    await this.yearSelect.click();
    await this.page.getByRole('option', { name: String(year), exact: true }).click();
    await expect(this.yearSelect).toHaveValue(String(year));
  }

  /** The month-grid cell of a date ('YYYY-MM-DD'); administrators click it to add or remove an exception. */
  day(isoDate: string): Locator {
    return this.page.locator(`[data-testid="calendar-year"] [data-date="${isoDate}"]`);
  }

  /** Clicks a working day and fills the add dialog; stops at the preview. */
  async addDayOff(isoDate: string, name: string, legalDocument: string): Promise<void> {
    await this.day(isoDate).click();
    await expect(this.addDialog).toBeVisible();
    await expect(this.addDialog.getByRole('radio', { name: 'Ngày nghỉ' })).toBeChecked();
    await this.addDialog.getByRole('textbox', { name: 'Tên ngày nghỉ' }).fill(name);
    await this.addDialog.getByRole('textbox', { name: 'Văn bản căn cứ' }).fill(legalDocument);
    await this.addDialog.getByRole('button', { name: 'Xem trước thay đổi' }).click();
    await expect(this.preview).toBeVisible();
    await expect(this.preview.getByTestId('preview-summary')).toBeVisible();
  }

  movedRow(code: string): Locator {
    return this.movedRows.filter({ hasText: code });
  }

  async apply(reason: string): Promise<void> {
    await this.preview.getByRole('textbox', { name: 'Lý do thay đổi' }).fill(reason);
    await this.preview.getByRole('button', { name: 'Áp dụng thay đổi' }).click();
    await expect(this.preview).toBeHidden();
  }
}

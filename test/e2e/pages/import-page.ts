import { expect, type Locator, type Page } from '@playwright/test';

/** Nhập dữ liệu cũ (administrators): choose a file, check it, import it. */
export class ImportPage {
  readonly fileInput: Locator;
  readonly checkButton: Locator;
  readonly importButton: Locator;
  readonly skipInvalid: Locator;
  readonly summary: Locator;
  readonly errorRows: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.locator('input[type="file"]');
    this.checkButton = page.getByRole('button', { name: 'Kiểm tra', exact: true });
    this.importButton = page.getByRole('button', { name: 'Nhập', exact: true });
    this.skipInvalid = page.getByRole('checkbox', { name: /Bỏ qua các dòng lỗi/ });
    this.summary = page.getByTestId('import-summary');
    this.errorRows = page.getByTestId('import-errors').getByTestId('import-issue-row');
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Nhập dữ liệu cũ/ })
      .click();
    await expect(this.checkButton).toBeVisible();
  }

  async chooseFile(name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
    await this.fileInput.setInputFiles({
      name,
      mimeType,
      buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });
  }

  /** The error row of a file line (the header is line 1). */
  errorRow(line: number): Locator {
    return this.errorRows.filter({
      has: this.page.getByTestId('issue-line').getByText(String(line), { exact: true }),
    });
  }
}

/** Sao lưu (administrators): backups, "Sao lưu ngay", settings, restore. */
export class BackupPage {
  readonly backupNowButton: Locator;
  readonly rows: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.backupNowButton = page.getByRole('button', { name: 'Sao lưu ngay', exact: true });
    this.rows = page.getByTestId('backup-row');
    this.result = page.getByTestId('backup-result');
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Sao lưu/ })
      .click();
    await expect(this.page.getByTestId('backup-table')).toBeVisible();
  }

  async backupNow(): Promise<void> {
    await this.backupNowButton.click();
    await expect(this.result).toBeVisible({ timeout: 30_000 });
  }
}

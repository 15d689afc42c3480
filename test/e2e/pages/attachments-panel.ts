import { expect, type Locator, type Page } from '@playwright/test';

/**
 * "Bản quét, bản điện tử": the attachments of a dossier, on the intake result panel and in the dossier page.
 * Files are chosen through the real file chooser that the "Đính kèm" button opens.
 */
export class AttachmentsPanel {
  readonly root: Locator;
  readonly error: Locator;
  readonly scansMissing: Locator;
  readonly preview: Locator;

  constructor(
    readonly page: Page,
    scope: Locator = page.locator('body'),
  ) {
    this.root = scope.getByTestId('attachments-panel');
    this.error = this.root.getByTestId('attachment-error');
    this.scansMissing = this.root.getByTestId('scans-missing');
    this.preview = page.getByRole('dialog');
  }

  component(no: number): Locator {
    return this.root.getByTestId(`component-${no}`);
  }

  files(no: number): Locator {
    return this.component(no).getByTestId('attached-file');
  }

  /** Clicks "Đính kèm" of component `no` and picks `file` in the chooser. */
  async attach(no: number, file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.component(no).getByRole('button', { name: 'Đính kèm', exact: true }).click();
    await (await chooser).setFiles(file);
  }

  /** Opens the in-app preview of an attached file (by its name) and returns the dialog. */
  async open(no: number, fileName: string): Promise<Locator> {
    await this.files(no).filter({ hasText: fileName }).getByRole('button', { name: 'Xem' }).click();
    const dialog = this.page.getByRole('dialog', { name: fileName });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

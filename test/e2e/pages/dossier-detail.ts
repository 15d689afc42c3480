import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The dossier drawer opened from the list. */
export class DossierDetail {
  readonly root: Locator;
  readonly code: Locator;
  readonly applicant: Locator;
  readonly ledger: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('dossier-detail');
    this.code = this.root.getByTestId('detail-code');
    this.applicant = this.root.getByTestId('detail-applicant');
    this.ledger = this.root.getByTestId('deadline-ledger');
  }

  async expectOpen(code: string): Promise<void> {
    await expect(this.code).toHaveText(code);
  }

  /** In the web edition the receipt is a download; returns it once the browser has it. */
  async downloadReceipt(copies: 1 | 2 = 1): Promise<Download> {
    const name = copies === 1 ? 'In giấy tiếp nhận' : 'In 2 liên';
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.root.getByRole('button', { name }).click(),
    ]);
    return download;
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** Danh sách hồ sơ — the virtualised list with its search box and filters. */
export class DossierListPage {
  readonly search: Locator;
  readonly total: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true });
    this.total = page.getByTestId('dossier-total');
    this.rows = page.getByTestId('dossier-row');
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Danh sách hồ sơ/ })
      .click();
    await expect(this.search).toBeVisible();
    await expect(this.total).not.toHaveText('…');
  }

  /** The total the list shows, as a number ("1.234" in Vietnamese formatting). */
  async totalCount(): Promise<number> {
    await expect(this.total).not.toHaveText('…');
    return Number((await this.total.textContent())?.replace(/\D/g, ''));
  }

  row(code: string): Locator {
    return this.rows.filter({ hasText: code });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async open(code: string): Promise<void> {
    await this.row(code).click();
  }
}

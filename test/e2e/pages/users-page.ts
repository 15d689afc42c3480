import { expect, type Locator, type Page } from '@playwright/test';

/** Người dùng (administrators): the account list and its create / edit / reset-password dialogs. */
export class UsersPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly createDialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('users-table');
    this.rows = page.getByTestId('user-row');
    this.createDialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Người dùng/ })
      .click();
    await expect(this.rows.first()).toBeVisible();
  }

  row(username: string): Locator {
    return this.rows.filter({ hasText: username });
  }
}

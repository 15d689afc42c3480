import { expect, type Locator, type Page } from '@playwright/test';

/** The frame around every screen: the navigation and the signed-in user with "Đăng xuất". */
export class AppShell {
  readonly nav: Locator;
  readonly currentUser: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Chức năng' });
    this.currentUser = page.getByTestId('current-user');
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name: new RegExp(`^${name}`) });
  }

  async goTo(name: string): Promise<void> {
    await this.navLink(name).click();
  }

  async expectSignedInAs(fullName: string): Promise<void> {
    await expect(this.currentUser).toHaveText(fullName);
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(this.page.getByRole('form', { name: 'Đăng nhập' })).toBeVisible();
  }
}

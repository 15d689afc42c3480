import { expect, type Locator, type Page } from '@playwright/test';

/** Đăng nhập — and, on a fresh install, the one-time administrator password it shows. */
export class LoginPage {
  readonly form: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly firstRunUsername: Locator;
  readonly firstRunPassword: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Đăng nhập' });
    this.username = this.form.getByRole('textbox', { name: 'Tên đăng nhập', exact: true });
    this.password = this.form.getByLabel('Mật khẩu', { exact: true });
    this.submit = this.form.getByRole('button', { name: 'Đăng nhập', exact: true });
    this.firstRunUsername = page.getByTestId('first-run-username');
    this.firstRunPassword = page.getByTestId('first-run-password');
  }

  async expectVisible(): Promise<void> {
    await expect(this.form).toBeVisible();
  }

  async login(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
    await expect(this.form).toBeHidden();
  }

  /** Reads the one-time administrator account a fresh install shows on this screen. */
  async firstRunAccount(): Promise<{ username: string; password: string }> {
    await expect(this.firstRunPassword).toBeVisible();
    return {
      username: (await this.firstRunUsername.textContent())?.trim() ?? '',
      password: (await this.firstRunPassword.textContent())?.trim() ?? '',
    };
  }
}

/** Đặt mật khẩu mới — forced after logging in with a temporary password. */
export class ChangePasswordPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Đổi mật khẩu' });
  }

  /** The current password is prefilled from the login a moment ago. */
  async setNewPassword(password: string): Promise<void> {
    await expect(this.form).toBeVisible();
    await this.form.getByLabel('Mật khẩu mới', { exact: true }).fill(password);
    await this.form.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(password);
    await this.form.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await expect(this.form).toBeHidden();
  }
}

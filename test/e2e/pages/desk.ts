import type { Browser, BrowserContext, Page } from '@playwright/test';
import { AppShell } from './app-shell';
import { DossierListPage } from './dossier-list-page';
import { DossierPage } from './dossier-page';
import { IntakePage } from './intake-page';
import { LoginPage } from './login-page';
import { ConnectionBanner } from './connection-banner';

/** One person at one PC of the office: a browser context of their own, signed in to the office server. */
export class Desk {
  readonly login: LoginPage;
  readonly shell: AppShell;
  readonly intake: IntakePage;
  readonly list: DossierListPage;
  readonly dossier: DossierPage;
  readonly banner: ConnectionBanner;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.login = new LoginPage(page);
    this.shell = new AppShell(page);
    this.intake = new IntakePage(page);
    this.list = new DossierListPage(page);
    this.dossier = new DossierPage(page);
    this.banner = new ConnectionBanner(page);
  }

  /**
   * Opens the office address in a new context. The server's certificate is self-signed: a real desk trusts it
   * once (README, "Running it in an office"); the test context accepts it instead.
   */
  static async open(browser: Browser, url: string): Promise<Desk> {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(url);
    return new Desk(context, page);
  }

  async signIn(account: { username: string; password: string; fullName: string }): Promise<void> {
    await this.login.login(account.username, account.password);
    await this.shell.expectSignedInAs(account.fullName);
  }

  /** Opens a dossier by its address, as a bookmark or a link from a colleague would. */
  async openDossier(baseUrl: string, id: number): Promise<void> {
    await this.page.goto(`${baseUrl}#/ho-so/${id}`);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

import { test as base, expect } from '@playwright/test';
import {
  prepareOffice,
  startWebEdition,
  type PreparedOffice,
  type WebEdition,
} from '../../helpers/web-edition';
import { DossierDetail } from '../pages/dossier-detail';
import { DossierListPage } from '../pages/dossier-list-page';
import { IntakePage } from '../pages/intake-page';
import { ChangePasswordPage, LoginPage } from '../pages/login-page';
import { SetupPage } from '../pages/setup-page';

interface Pages {
  login: LoginPage;
  changePassword: ChangePasswordPage;
  setup: SetupPage;
  intake: IntakePage;
  list: DossierListPage;
  detail: DossierDetail;
}

interface TestFixtures {
  /** A web edition of its own, never configured: for tests about the first run. */
  freshWebEdition: WebEdition;
  /** Opens the worker's web edition and logs in as the desk clerk. */
  openApp: () => Promise<void>;
  pages: Pages;
}

interface WorkerFixtures {
  /** One web edition per worker, on its own temp data folder, set up by an administrator already. */
  webEdition: WebEdition;
  office: PreparedOffice;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  webEdition: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const edition = await startWebEdition();
      await use(edition);
      await edition.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  office: [async ({ webEdition }, use) => use(await prepareOffice(webEdition)), { scope: 'worker' }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  freshWebEdition: async ({}, use) => {
    const edition = await startWebEdition();
    await use(edition);
    await edition.stop();
  },
  openApp: async ({ page, webEdition, office, pages }, use) => {
    await use(async () => {
      await page.goto(webEdition.url);
      await pages.login.login(office.clerk.username, office.clerk.password);
      await expect(page.getByRole('navigation', { name: 'Chức năng' })).toBeVisible();
    });
  },
  pages: async ({ page }, use) => {
    await use({
      login: new LoginPage(page),
      changePassword: new ChangePasswordPage(page),
      setup: new SetupPage(page),
      intake: new IntakePage(page),
      list: new DossierListPage(page),
      detail: new DossierDetail(page),
    });
  },
});

export { expect };

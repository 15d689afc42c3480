import { test as base, expect } from '@playwright/test';
import {
  prepareOffice,
  seedOverdueDossiers,
  startWebEdition,
  type PreparedOffice,
  type SeededDossier,
  type WebEdition,
} from '../../helpers/web-edition';
import { AppShell } from '../pages/app-shell';
import { CalendarPage } from '../pages/calendar-page';
import { DossierListPage } from '../pages/dossier-list-page';
import { DossierPage } from '../pages/dossier-page';
import { BackupPage, ImportPage } from '../pages/import-page';
import { ReportPage, StatisticsPage } from '../pages/statistics-page';
import { IntakePage } from '../pages/intake-page';
import { ChangePasswordPage, LoginPage } from '../pages/login-page';
import { SetupPage } from '../pages/setup-page';
import { UsersPage } from '../pages/users-page';

interface Pages {
  login: LoginPage;
  changePassword: ChangePasswordPage;
  setup: SetupPage;
  intake: IntakePage;
  list: DossierListPage;
  dossier: DossierPage;
  shell: AppShell;
  calendar: CalendarPage;
  users: UsersPage;
  statistics: StatisticsPage;
  report: ReportPage;
  importer: ImportPage;
  backup: BackupPage;
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
  /** Three dossiers received weeks ago and still open, so overdue today (only made when a test asks). */
  overdueDossiers: SeededDossier[];
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
  office: [
    async ({ webEdition }, use) => use(await prepareOffice(webEdition)),
    { scope: 'worker', timeout: 30_000 },
  ],
  overdueDossiers: [
    async ({ webEdition, office }, use) => use(await seedOverdueDossiers(webEdition, office.clerk)),
    { scope: 'worker', timeout: 30_000 },
  ],
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
      dossier: new DossierPage(page),
      shell: new AppShell(page),
      calendar: new CalendarPage(page),
      users: new UsersPage(page),
      statistics: new StatisticsPage(page),
      report: new ReportPage(page),
      importer: new ImportPage(page),
      backup: new BackupPage(page),
    });
  },
});

export { expect };

// Issue 10: one office server for every desk. Four people — clerk, unit leader, appraiser, director — each in
// their own browser context, at the same time, over HTTPS, take one dossier from intake to the returned
// licence; each sees the others' steps appear without reloading.
import { test as base, expect } from '@playwright/test';
import { startOfficeServer, type OfficeServer } from '../../helpers/office-server';
import { prepareOffice, type PreparedOffice } from '../../helpers/web-edition';
import { Desk } from '../pages/desk';

const test = base.extend<object, { officeServer: OfficeServer; office: PreparedOffice }>({
  officeServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const server = await startOfficeServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  office: [
    async ({ officeServer }, use) => use(await prepareOffice(officeServer)),
    { scope: 'worker', timeout: 60_000 },
  ],
});

test.use({ actionTimeout: 15_000 });

test('four desks take a dossier from intake to the returned licence, each seeing the others live', async ({
  browser,
  officeServer,
  office,
}) => {
  test.setTimeout(150_000);
  const url = officeServer.url;
  const [clerk, leader, appraiser, director] = await Promise.all([
    Desk.open(browser, url),
    Desk.open(browser, url),
    Desk.open(browser, url),
    Desk.open(browser, url),
  ]);
  try {
    await Promise.all([
      clerk.signIn(office.clerk),
      leader.signIn(office.leader),
      appraiser.signIn(office.appraiser),
      director.signIn(office.director),
    ]);
    // The leader and the appraiser keep the list open; nobody will reload it.
    await Promise.all([leader.list.goto(), appraiser.list.goto()]);
    const appraiserTotal = await appraiser.list.totalCount();

    const applicant = `Hội Nhà báo tỉnh Bắc Ninh ${Date.now() % 100000}`;
    const { code } = await clerk.intake.receivePublishingDossier({ name: applicant, idNumber: '0108123456' });
    await clerk.intake.openReceived();
    await clerk.dossier.expectOpen(code);
    const id = clerk.dossier.dossierId();

    await test.step('the new dossier appears in the appraiser’s and the leader’s open lists', async () => {
      await expect(appraiser.list.row(code)).toBeVisible({ timeout: 5_000 });
      await expect(leader.list.row(code)).toBeVisible({ timeout: 5_000 });
      expect(await appraiser.list.totalCount()).toBe(appraiserTotal + 1);
    });

    await test.step('the leader assigns it; the clerk’s open page follows', async () => {
      await leader.list.open(code);
      await leader.dossier.expectOpen(code);
      const dialog = await leader.dossier.startAction('Phân công', 'Phân công thẩm định');
      await dialog.getByRole('combobox', { name: 'Chuyên viên được phân công' }).click();
      await leader.page.getByRole('option', { name: new RegExp(office.appraiser.fullName) }).click();
      await leader.dossier.submitAction(dialog, 'Phân công');
      await expect(leader.dossier.status).toHaveText('Đang thẩm định');
      await expect(clerk.dossier.status).toHaveText('Đang thẩm định', { timeout: 5_000 });
    });

    await test.step('the appraiser opens it from her list, enters the licence and proposes approval', async () => {
      await appraiser.list.open(code);
      await appraiser.dossier.expectOpen(code);
      await appraiser.dossier.fillRequiredLicenceFields(
        (label) => `Nội dung: ${label.replace(/\s*\*$/, '')}`,
      );
      const dialog = await appraiser.dossier.startAction('Trình ký', 'Trình ký (đề xuất kết quả giải quyết)');
      await dialog
        .getByRole('textbox', { name: 'Ý kiến thẩm định' })
        .fill('Đủ điều kiện; đề nghị cấp giấy phép.');
      await appraiser.dossier.submitAction(dialog, 'Trình ký');
      await expect(appraiser.dossier.status).toHaveText('Trình ký');
      await expect(leader.dossier.status).toHaveText('Trình ký', { timeout: 5_000 });
    });

    await test.step('the director, with the dossier already open, sees it arrive for signature and approves', async () => {
      await director.openDossier(url, id);
      await director.dossier.expectOpen(code);
      await expect(director.dossier.actionButton('Phê duyệt')).toBeVisible();
      const dialog = await director.dossier.startAction('Phê duyệt', 'Phê duyệt');
      await director.dossier.submitAction(dialog, 'Phê duyệt');
      await expect(director.dossier.status).toHaveText('Đã phê duyệt');
      await expect(clerk.dossier.status).toHaveText('Đã phê duyệt', { timeout: 5_000 });
    });

    await test.step('a stale window gets CONFLICT naming who acted and when', async () => {
      // The leader's page still offers nothing for an approved dossier; the appraiser's dialog, opened on her
      // last state, is gone. Simulate a stale action through the API with the version before approval.
      const session = (
        await officeServer.call<{ sessionToken: string }>('auth.login', {
          username: office.clerk.username,
          password: office.clerk.password,
        })
      ).sessionToken;
      const view = await officeServer.call<{ version: number }>('workflow.view', { dossierId: id }, session);
      const stale = await officeServer.envelope(
        'workflow.perform',
        { dossierId: id, version: view.version - 1, action: 'issue', input: {} },
        session,
      );
      expect(stale.error?.code).toBe('CONFLICT');
      expect(stale.error?.message).toContain(office.director.fullName);
    });

    await test.step('the clerk issues the number and returns the licence; every open page follows', async () => {
      const dialog = await clerk.dossier.startAction('Cấp số', 'Cấp số giấy phép');
      await clerk.dossier.submitAction(dialog, 'Cấp số');
      const number = (await dialog.getByTestId('issued-licence-number').textContent())?.trim() ?? '';
      expect(number).toMatch(/^\d+\/GP-/);
      await dialog.getByRole('button', { name: 'Đóng' }).click();
      const returning = await clerk.dossier.startAction('Trả kết quả', 'Trả kết quả');
      await returning.getByRole('textbox', { name: 'Người nhận kết quả' }).fill('Nguyễn Văn Nhận');
      await clerk.dossier.submitAction(returning, 'Trả kết quả');
      await expect(clerk.dossier.status).toHaveText('Đã trả kết quả');
      for (const desk of [leader, appraiser, director]) {
        await expect(desk.dossier.status).toHaveText('Đã trả kết quả', { timeout: 5_000 });
        await expect(desk.dossier.licenceNumber).toHaveText(number);
      }
    });
  } finally {
    await Promise.all([clerk, leader, appraiser, director].map((desk) => desk.close()));
  }
});

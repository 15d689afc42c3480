import { execFileSync } from 'node:child_process';
import { apiLogin, type Account, type WebEdition } from '../../helpers/web-edition';
import { expect, test } from './fixtures';

interface Component {
  name: string;
  copies: number;
  original: boolean;
}

/** pdftotext (poppler-utils) output with runs of whitespace collapsed, so line breaks do not matter. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

// A click that cannot happen (a dropdown in the way) should fail the step, not wait for the test timeout.
test.use({ actionTimeout: 15_000 });

test('a dossier goes from the desk to the licence and back to the applicant, each step by its own role', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, intake, list, dossier },
}, testInfo) => {
  test.setTimeout(90_000);
  const signIn = async (account: Account) => {
    await login.login(account.username, account.password);
    await shell.expectSignedInAs(account.fullName);
  };
  const applicantName = `Hội Văn học nghệ thuật tỉnh Bắc Ninh ${testInfo.workerIndex}-${Date.now() % 100000}`;

  await page.goto(webEdition.url);
  let code = '';

  await test.step('the clerk receives the dossier; she cannot assign or approve it', async () => {
    await signIn(office.clerk);
    ({ code } = await intake.receivePublishingDossier({
      name: applicantName,
      idNumber: '0108123456',
      address: 'Số 8 đường Lê Thái Tổ, phường Võ Cường, thành phố Bắc Ninh',
    }));
    await intake.openReceived();
    await dossier.expectOpen(code);
    await expect(dossier.status).toHaveText('Đã tiếp nhận');
    await expect(dossier.deadlineStatus).toHaveText(/^Còn \d+ ngày làm việc$/);
    await expect(dossier.timelineEvents).toHaveCount(1);
    await expect(dossier.actionButton('Rút hồ sơ')).toBeVisible();
    await expect(dossier.actionButton('Phân công')).toHaveCount(0);
    await expect(dossier.actionButton('Phê duyệt')).toHaveCount(0);
    await shell.logout();
  });

  await test.step('the unit leader finds it in the list and assigns it to the appraiser', async () => {
    await signIn(office.leader);
    await list.goto();
    await list.searchFor(code);
    await expect(list.rows).toHaveCount(1);
    await list.open(code);
    await dossier.expectOpen(code);
    const dialog = await dossier.startAction('Phân công', 'Phân công thẩm định');
    await dialog.getByRole('combobox', { name: 'Chuyên viên được phân công' }).click();
    await page.getByRole('option', { name: new RegExp(office.appraiser.fullName) }).click();
    await dossier.submitAction(dialog, 'Phân công');
    await expect(dossier.status).toHaveText('Đang thẩm định');
    await expect(dossier.root.getByTestId('assignee')).toHaveText(office.appraiser.fullName);
    await shell.logout();
  });

  await test.step('the appraiser requests a supplement; the clock stands, then runs again', async () => {
    await signIn(office.appraiser);
    await dossier.expectOpen(code);
    const dialog = await dossier.startAction('Yêu cầu bổ sung', 'Yêu cầu bổ sung, hoàn thiện hồ sơ');
    await dialog
      .getByRole('textbox', { name: 'Lý do yêu cầu bổ sung' })
      .fill('Bản thảo chưa đóng dấu giáp lai của tổ chức đề nghị cấp phép.');
    const missing = dialog.getByRole('combobox', { name: 'Thành phần hồ sơ cần bổ sung' });
    await missing.fill('Bản thảo tài liệu có đóng dấu giáp lai');
    await missing.press('Enter');
    // Leave the list: its suggestions (the dossier's components) would cover the buttons below.
    await missing.press('Tab');
    await expect(dialog.getByText('Bản thảo tài liệu có đóng dấu giáp lai', { exact: true })).toBeVisible();
    await dossier.submitAction(dialog, 'Yêu cầu bổ sung');
    // The action prints the Phiếu yêu cầu bổ sung: offered right away, naming what is missing.
    const form = testInfo.outputPath('supplement-request.pdf');
    await (await dossier.download('In phiếu yêu cầu bổ sung', dialog)).saveAs(form);
    expect(pdfText(form)).toContain('Bản thảo tài liệu có đóng dấu giáp lai');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect(dossier.status).toHaveText('Chờ bổ sung');
    await expect(dossier.deadlineStatus).toHaveText(/^Tạm dừng – chờ bổ sung \(\d+ ngày\)$/);
    await expect(dossier.dueDate).toHaveCount(0);

    // The applicant brings the missing page; the appraiser records it (the desk may too).
    const receive = await dossier.startAction('Nhận bổ sung', 'Tiếp nhận hồ sơ bổ sung');
    await dossier.submitAction(receive, 'Nhận bổ sung');
    await expect(dossier.status).toHaveText('Đang thẩm định');
    await expect(dossier.deadlineStatus).toHaveText(/^Còn \d+ ngày làm việc$/);
  });

  await test.step('the appraiser enters the licence content and proposes approval', async () => {
    await dossier.fillRequiredLicenceFields((label) => `Nội dung thử nghiệm: ${label.replace(/\s*\*$/, '')}`);
    const dialog = await dossier.startAction('Trình ký', 'Trình ký (đề xuất kết quả giải quyết)');
    await expect(dialog.getByRole('radio', { name: 'Đề xuất phê duyệt (cấp)' })).toBeChecked();
    await dialog
      .getByRole('textbox', { name: 'Ý kiến thẩm định' })
      .fill('Hồ sơ đầy đủ, nội dung tài liệu phù hợp; đề nghị cấp giấy phép.');
    await dossier.submitAction(dialog, 'Trình ký');
    await expect(dossier.status).toHaveText('Trình ký');
    // Two-person rule: whoever proposed cannot sign.
    await expect(dossier.actionButton('Phê duyệt')).toHaveCount(0);
    await shell.logout();
  });

  await test.step('the clerk does not see the approve button on a dossier awaiting signature', async () => {
    await signIn(office.clerk);
    await dossier.expectOpen(code);
    await expect(dossier.status).toHaveText('Trình ký');
    await expect(dossier.actions).toContainText('Rút hồ sơ');
    await expect(dossier.actionButton('Phê duyệt')).toHaveCount(0);
    await expect(dossier.actionButton('Từ chối')).toHaveCount(0);
    await shell.logout();
  });

  await test.step('the director approves', async () => {
    await signIn(office.director);
    await dossier.expectOpen(code);
    const dialog = await dossier.startAction('Phê duyệt', 'Phê duyệt');
    await dossier.submitAction(dialog, 'Phê duyệt');
    await expect(dossier.status).toHaveText('Đã phê duyệt');
    await shell.logout();
  });

  await test.step('the clerk issues the number and prints the licence, then a copy', async () => {
    await signIn(office.clerk);
    await dossier.expectOpen(code);
    const dialog = await dossier.startAction('Cấp số', 'Cấp số giấy phép');
    // XB-TLKKD is licensed by the UBND tỉnh (NĐ 138/2025): only the UBND's signers are offered, the Chủ
    // tịch first; the văn thư records that the Phó Chủ tịch signed (issue 12 §3).
    const signer = dialog.getByRole('combobox', { name: 'Người ký giấy phép' });
    await expect(signer).toHaveValue(/Nguyễn Hữu An/);
    await signer.click();
    await expect(page.getByRole('option')).toHaveCount(2);
    await expect(page.getByRole('option', { name: /Nguyễn Văn Hùng/ })).toHaveCount(0);
    await page.getByRole('option', { name: /Lê Thị Hạnh/ }).click();
    await dossier.submitAction(dialog, 'Cấp số');
    const number = (await dialog.getByTestId('issued-licence-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^\d+\/GP-/);

    const original = testInfo.outputPath('licence.pdf');
    await (await dossier.download('In giấy phép', dialog)).saveAs(original);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect(dossier.licenceNumber).toHaveText(number);
    const text = pdfText(original);
    expect(text).toContain('GIẤY PHÉP');
    expect(text).toContain(number);
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(text).toContain('Lê Thị Hạnh');
    expect(text).toContain('Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch');
    expect(text).not.toContain('BẢN SAO');

    const copy = testInfo.outputPath('licence-copy.pdf');
    await (await dossier.download('In giấy phép')).saveAs(copy);
    expect(pdfText(copy)).toContain('BẢN SAO');
    await dossier.tab(/^Giấy tờ đã in/);
    await expect(dossier.root.getByTestId('prints')).toContainText('Bản sao');
  });

  await test.step('the clerk returns the result: the dossier is finished before or on its due date', async () => {
    const dialog = await dossier.startAction('Trả kết quả', 'Trả kết quả');
    await dialog
      .getByRole('textbox', { name: 'Người nhận kết quả' })
      .fill('Nguyễn Thị Thu (giấy giới thiệu số 12/GGT)');
    await dossier.submitAction(dialog, 'Trả kết quả');
    await expect(dossier.status).toHaveText('Đã trả kết quả');
    // Received today with ten working days: finished early, or on the due day itself.
    await expect(dossier.completion).toHaveText(/^(Trước hạn|Đúng hạn)$/);
    await expect(dossier.actions).toContainText('Không có thao tác nào');
    await dossier.tab(/^Diễn biến/);
    await expect(dossier.timelineEvents).toHaveCount(8);
    await expect(dossier.root.getByTestId('timeline')).toContainText(office.director.fullName);
    await expect(dossier.root.getByTestId('timeline')).toContainText('Tạm dừng tính thời hạn');
  });
});

/** Receives a dossier through the API as the clerk (set-up for tests about later steps). */
async function receiveViaApi(
  edition: WebEdition,
  clerk: string,
  applicantName: string,
): Promise<{ id: number; code: string; version: number }> {
  const procedures = await edition.call<
    Array<{ id: string; isConfigured: boolean; deadlineUnit: string | null; components: Component[] }>
  >('procedures.list', {}, clerk);
  const procedure = procedures.find((p) => p.isConfigured && p.deadlineUnit === 'wd');
  if (!procedure) throw new Error('no configured procedure');
  return edition.call(
    'dossiers.receive',
    {
      requestId: crypto.randomUUID(),
      procedureId: procedure.id,
      applicant: { kind: 'individual', name: applicantName },
      components: procedure.components.map((c) => ({
        name: c.name,
        copies: c.copies,
        isProvided: true,
        isOriginal: c.original,
      })),
      setCount: 1,
      channel: 'direct',
      returnMethod: 'desk',
    },
    clerk,
  );
}

async function performViaApi(
  edition: WebEdition,
  session: string,
  dossierId: number,
  action: string,
  input: Record<string, unknown> = {},
): Promise<void> {
  const { version } = await edition.call<{ version: number }>('workflow.view', { dossierId }, session);
  await edition.call('workflow.perform', { dossierId, version, action, input }, session);
}

test('an action on a page someone else has changed meanwhile is refused with CONFLICT and the page reloads', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, dossier },
}) => {
  const clerk = await apiLogin(webEdition, office.clerk);
  const leader = await apiLogin(webEdition, office.leader);
  const received = await receiveViaApi(webEdition, clerk, 'Nguyễn Văn An');

  await page.goto(webEdition.url);
  await login.login(office.leader.username, office.leader.password);
  await shell.expectSignedInAs(office.leader.fullName);
  await page.goto(`${webEdition.baseUrl}#/ho-so/${received.id}`);
  await dossier.expectOpen(received.code);
  const dialog = await dossier.startAction('Phân công', 'Phân công thẩm định');
  await dialog.getByRole('combobox', { name: 'Chuyên viên được phân công' }).click();
  await page.getByRole('option', { name: new RegExp(office.appraiser.fullName) }).click();

  // Meanwhile, in another window, the same dossier is assigned.
  const [appraiser] = await webEdition.call<Array<{ id: number }>>('workflow.appraisers', {}, leader);
  await performViaApi(webEdition, leader, received.id, 'assign', { assigneeId: String(appraiser?.id) });

  await dialog.getByRole('button', { name: 'Phân công', exact: true }).click();
  await expect(dialog.getByTestId('action-error')).toContainText('vừa được người khác cập nhật');
  await expect(
    page.locator('.mantine-Notification-root').filter({ hasText: 'Hồ sơ vừa được người khác cập nhật' }),
  ).toBeVisible();
  await expect(dossier.status).toHaveText('Đang thẩm định');
});

test('a second supplement request is sent only after the warning is confirmed', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, dossier },
}) => {
  const clerk = await apiLogin(webEdition, office.clerk);
  const leader = await apiLogin(webEdition, office.leader);
  const received = await receiveViaApi(webEdition, clerk, 'Trần Thị Bích');
  const [appraiser] = await webEdition.call<Array<{ id: number }>>('workflow.appraisers', {}, leader);
  await performViaApi(webEdition, leader, received.id, 'assign', { assigneeId: String(appraiser?.id) });
  await performViaApi(webEdition, leader, received.id, 'requestSupplement', {
    reason: 'Thiếu bản thảo.',
    missingComponents: ['Bản thảo tài liệu'],
  });
  await performViaApi(webEdition, clerk, received.id, 'receiveSupplement');

  await page.goto(webEdition.url);
  await login.login(office.leader.username, office.leader.password);
  await shell.expectSignedInAs(office.leader.fullName);
  await page.goto(`${webEdition.baseUrl}#/ho-so/${received.id}`);
  await dossier.expectOpen(received.code);
  const dialog = await dossier.startAction('Yêu cầu bổ sung', 'Yêu cầu bổ sung, hoàn thiện hồ sơ');
  await dialog
    .getByRole('textbox', { name: 'Lý do yêu cầu bổ sung' })
    .fill('Bản thảo bổ sung còn thiếu trang.');
  const missing = dialog.getByRole('combobox', { name: 'Thành phần hồ sơ cần bổ sung' });
  await missing.fill('Trang 12–15 của bản thảo');
  await missing.press('Enter');
  await missing.press('Tab');
  await dialog.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();

  const confirm = dialog.getByRole('alertdialog', { name: 'Xác nhận cảnh báo' });
  await expect(confirm).toBeVisible();
  await expect(dossier.status).toHaveText('Đang thẩm định');
  await confirm.getByRole('button', { name: 'Vẫn tiếp tục' }).click();
  await expect(dialog.getByRole('button', { name: 'In phiếu yêu cầu bổ sung' })).toBeVisible();
  await expect(dossier.status).toHaveText('Chờ bổ sung');
});

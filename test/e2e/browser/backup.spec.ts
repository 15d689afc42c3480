import { expect, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

test('an administrator backs up now, sees the verified backup listed, and restores it into a new folder', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, backup },
}) => {
  await page.goto(webEdition.url);
  await login.login(office.admin.username, office.admin.password);
  await shell.expectSignedInAs(office.admin.fullName);
  await backup.goto();
  // The default folder sits beside the data: the backend's advice is shown with the settings.
  await expect(page.getByTestId('backup-warning')).toContainText('cùng ổ đĩa');

  await backup.backupNow();
  await expect(backup.result).toContainText(/licence-desk-\d{8}-\d{6}/);
  await expect(backup.rows.first()).toBeVisible();

  // The backup just made, by the name the result shows: the list reloads after the backup (an automatic
  // daily backup of the start-up may be listed first until then), so its first row is not a safe pick.
  const file = (await backup.result.textContent())?.match(/licence-desk-[\d-]+\.db/)?.[0];
  expect(file).toBeTruthy();
  const row = backup.rows.filter({ hasText: file! });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Khôi phục/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Khôi phục bản sao lưu' });
  await expect(dialog).toContainText(file!);
  await dialog.getByRole('button', { name: 'Khôi phục vào thư mục mới' }).click();
  await expect(dialog).toBeHidden();
  const restored = page.getByTestId('restore-result');
  await expect(restored).toBeVisible();
  await expect(restored).toContainText(webEdition.dataDir);
});

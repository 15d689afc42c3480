import { expect, test } from './fixtures';

// A click that cannot happen (a dropdown in the way) should fail the step, not wait for the test timeout.
test.use({ actionTimeout: 15_000 });

test('an administrator creates an account; a taken username is refused beside the field', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, users },
}) => {
  const username = `thu.nt${Date.now() % 100000}`;
  await page.goto(webEdition.url);
  await login.login(office.admin.username, office.admin.password);
  await shell.expectSignedInAs(office.admin.fullName);
  await users.goto();
  await expect(users.row(office.clerk.username)).toContainText('Tiếp nhận, văn thư');

  const create = async (name: string) => {
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = users.createDialog;
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Họ và tên' }).fill('Nguyễn Thị Thu');
    await dialog.getByRole('textbox', { name: 'Chức vụ' }).fill('Chuyên viên');
    await dialog.getByRole('combobox', { name: 'Vai trò' }).click();
    await page.getByRole('option', { name: 'Chuyên viên thẩm định' }).click();
    await page.getByRole('option', { name: 'Lãnh đạo phòng' }).click();
    await dialog.getByRole('textbox', { name: 'Tên đăng nhập' }).click();
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    return dialog;
  };

  const dialog = await create(username);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('password-handover')).toContainText(username);
  await expect(users.row(username)).toContainText('Chuyên viên thẩm định');
  await expect(users.row(username)).toContainText('Lãnh đạo phòng');
  await expect(users.row(username)).toContainText('Chờ đổi mật khẩu');

  // The backend refuses a username already in use; the message sits beside the field.
  const again = await create(username);
  const usernameField = again.getByRole('textbox', { name: 'Tên đăng nhập' });
  await expect(usernameField).toHaveAttribute('aria-invalid', 'true');
  await expect(usernameField).toHaveAccessibleDescription(/Tên đăng nhập đã có người dùng\./);
});

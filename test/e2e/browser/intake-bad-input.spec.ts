import { expect, test } from './fixtures';
import type { IntakePage } from '../pages/intake-page';
import type { DossierListPage } from '../pages/dossier-list-page';

async function fillValidDossier(intake: IntakePage, name: string): Promise<void> {
  await intake.chooseProcedureByTyping(
    'xuat ban tai lieu',
    /Cấp giấy phép xuất bản tài liệu không kinh doanh/,
  );
  await intake.applicantName.fill(name);
  await intake.address.fill('Thôn Đông, xã Phù Chẩn, thị xã Từ Sơn');
  await intake.tickAllComponents();
}

async function listTotal(list: DossierListPage): Promise<number> {
  await list.goto();
  return list.totalCount();
}

test.describe('intake refuses bad input and never creates a dossier for it', () => {
  test.beforeEach(async ({ openApp }) => {
    await openApp();
  });

  for (const [label, name, message] of [
    ['an empty name', '', 'Tên tổ chức, cá nhân không được để trống.'],
    ['a whitespace-only name', '   \t  ', 'Tên tổ chức, cá nhân không được để trống.'],
    [
      'an emoji in the name',
      'Nhà sách Hòa Bình 📚',
      'Tên tổ chức, cá nhân không được chứa biểu tượng cảm xúc (emoji).',
    ],
  ] as const) {
    test(`${label} is refused beside the field`, async ({ pages: { intake, list } }) => {
      const before = await listTotal(list);
      await intake.goto();
      await fillValidDossier(intake, name);
      await intake.submitButton.click();

      await intake.expectFieldError(intake.applicantName, message);
      await expect(intake.result).toBeHidden();
      // The cursor is put back where the problem is.
      await expect(intake.applicantName).toBeFocused();

      expect(await listTotal(list)).toBe(before);
    });
  }

  test('a required component that was not handed over is refused beside it', async ({
    pages: { intake, list },
  }) => {
    const before = await listTotal(list);
    await intake.goto();
    await intake.chooseProcedureByTyping(
      'xuat ban tai lieu',
      /Cấp giấy phép xuất bản tài liệu không kinh doanh/,
    );
    await intake.applicantName.fill('Hội Văn học Nghệ thuật tỉnh');
    const required = intake.componentRows.filter({ hasText: 'bắt buộc' });
    test.skip((await required.count()) === 0, 'the catalogue marks no component of 1.003868 as required');
    await intake.submitButton.click();
    await intake.expectFieldError(required.first().getByRole('checkbox'), /Thành phần bắt buộc/);
    expect(await listTotal(list)).toBe(before);
  });

  test('a double-clicked submit creates one dossier', async ({ pages: { intake, list } }, testInfo) => {
    // The worker's store outlives this test (repeats, other tests): make the name findable as this run's only.
    const tag = `${testInfo.repeatEachIndex}r${testInfo.retry}w${testInfo.workerIndex}t${Date.now().toString(36)}`;
    const before = await listTotal(list);
    await intake.goto();
    await fillValidDossier(intake, `Nhà xuất bản Bấm Hai Lần ${tag}`);
    await intake.submitButton.dblclick();
    const { code } = await intake.expectReceived();

    expect(await listTotal(list)).toBe(before + 1);
    await list.searchFor(`bam hai lan ${tag}`);
    await expect(list.rows).toHaveCount(1);
    await expect(list.row(code)).toBeVisible();
  });
});

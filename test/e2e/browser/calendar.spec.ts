import { apiLogin } from '../../helpers/web-edition';
import { expect, test } from './fixtures';

interface ProcedureRow {
  id: string;
  isConfigured: boolean;
  deadline: number | null;
  deadlineUnit: 'wd' | 'cd' | 'h' | null;
  components: Array<{ name: string; copies: number; required: boolean; original: boolean }>;
}

interface ReceivedDossier {
  id: number;
  code: string;
  dueDate: string;
  ledger: Array<{ date: string; kind: string; label: string }>;
}

/** '2026-12-10' -> '10/12/2026', as the screens show dates. */
function vi(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

function isoFromVi(text: string): string {
  const [d, m, y] = text.split('/');
  return `${y}-${m}-${d}`;
}

// A click that cannot happen (a dropdown in the way) should fail the step, not wait for the test timeout.
test.use({ actionTimeout: 15_000 });

test('an administrator adds a day off, previews the dossiers it moves, applies it; the ledger names the day', async ({
  page,
  webEdition,
  office,
  pages: { login, shell, calendar, list, dossier },
}) => {
  const dayName = `Nghỉ đột xuất thử nghiệm ${Date.now() % 100000}`;

  // Set-up through the API (the desk's part is not under test here): a dossier received just now.
  const clerkSession = await apiLogin(webEdition, office.clerk);
  const procedures = await webEdition.call<ProcedureRow[]>('procedures.list', {}, clerkSession);
  const procedure = procedures.find(
    (p) => p.isConfigured && p.deadlineUnit === 'wd' && (p.deadline ?? 0) >= 5,
  );
  if (!procedure) throw new Error('no procedure counted in working days');
  const received = await webEdition.call<ReceivedDossier>(
    'dossiers.receive',
    {
      requestId: crypto.randomUUID(),
      procedureId: procedure.id,
      applicant: { kind: 'organization', name: `Nhà xuất bản Bắc Ninh ${Date.now() % 100000}` },
      components: procedure.components.map((c) => ({
        name: c.name,
        copies: c.copies,
        isProvided: true,
        isOriginal: c.original,
      })),
      setCount: 1,
      channel: 'direct',
      receivedAt: null,
      returnMethod: 'desk',
      notes: '',
    },
    clerkSession,
  );
  // A working day strictly between the receipt and the due date: counted in the ledger before the due day.
  const dayOff = received.ledger.find(
    (line) => line.kind === 'counted' && line.date < received.dueDate,
  )?.date;
  if (!dayOff) throw new Error(`no counted working day before ${received.dueDate}`);
  const adminSession = await apiLogin(webEdition, office.admin);

  try {
    await page.goto(webEdition.url);
    await login.login(office.admin.username, office.admin.password);
    await shell.expectSignedInAs(office.admin.fullName);

    let newDueDate = '';
    await test.step('add the day off from the year grid and preview what it moves', async () => {
      await calendar.goto();
      await calendar.showYear(Number(dayOff.slice(0, 4)));
      await expect(calendar.day(dayOff)).toHaveAttribute('data-kind', 'workday');
      await calendar.addDayOff(dayOff, dayName, 'Thông báo 123/TB-UBND');
      await expect(calendar.preview.getByTestId('change-title')).toContainText(dayName);

      const row = calendar.movedRow(received.code);
      await expect(row).toBeVisible();
      const text = (await row.textContent()) ?? '';
      const dates = [...text.matchAll(/\d{2}\/\d{2}\/\d{4}/g)].map((m) => m[0]);
      expect(dates[0]).toBe(vi(received.dueDate));
      newDueDate = isoFromVi(dates[1] ?? '');
      expect(newDueDate > received.dueDate).toBe(true);
      await expect(calendar.preview.getByRole('textbox', { name: 'Văn bản căn cứ' })).toHaveValue(
        'Thông báo 123/TB-UBND',
      );
    });

    await test.step('apply it: the grid shows the new day off', async () => {
      await calendar.apply('Ủy ban nhân dân tỉnh cho nghỉ đột xuất');
      await expect(calendar.day(dayOff)).toHaveAttribute('data-kind', 'off');
      await expect(calendar.exceptionRows.filter({ hasText: dayName })).toHaveCount(1);
    });

    await test.step("the dossier's due date moved and its ledger names the new day", async () => {
      await list.goto();
      await list.searchFor(received.code);
      await list.open(received.code);
      await dossier.expectOpen(received.code);
      await expect(dossier.dueDate).toContainText(vi(newDueDate));
      await dossier.tab('Thời hạn');
      const skipped = dossier.ledger.locator('tr[data-kind="skipped"]').filter({ hasText: dayName });
      await expect(skipped).toHaveCount(1);
      await expect(skipped).toContainText(vi(dayOff));
      await expect(dossier.ledger.locator('tr[data-kind="due"]')).toContainText(vi(newDueDate));
    });
  } finally {
    // Other tests of this worker share the calendar: put the day back.
    await webEdition
      .call(
        'calendar.applyEdits',
        { edits: [{ type: 'remove', date: dayOff }], reason: 'Hoàn tác sau kiểm thử' },
        adminSession,
      )
      .catch(() => undefined);
  }
});

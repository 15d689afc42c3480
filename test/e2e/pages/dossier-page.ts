import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** One dossier (#/ho-so/<id>): header, action bar, tabs, and the dialog of each workflow action. */
export class DossierPage {
  readonly root: Locator;
  readonly code: Locator;
  readonly applicant: Locator;
  readonly status: Locator;
  readonly deadlineStatus: Locator;
  readonly dueDate: Locator;
  readonly completion: Locator;
  readonly licenceNumber: Locator;
  readonly actions: Locator;
  readonly prints: Locator;
  readonly ledger: Locator;
  readonly timelineEvents: Locator;
  readonly licenceForm: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('dossier-detail');
    this.code = this.root.getByTestId('detail-code');
    this.applicant = this.root.getByTestId('detail-applicant');
    this.status = this.root.getByTestId('dossier-status');
    this.deadlineStatus = this.root.getByTestId('deadline-status');
    this.dueDate = this.root.getByTestId('due-date');
    this.completion = this.root.getByTestId('completion-class');
    this.licenceNumber = this.root.getByTestId('licence-number');
    this.actions = this.root.getByRole('group', { name: 'Thao tác xử lý hồ sơ' });
    this.prints = this.root.getByRole('group', { name: 'In giấy tờ' });
    this.ledger = this.root.getByTestId('deadline-ledger');
    this.timelineEvents = this.root.getByTestId('timeline-event');
    this.licenceForm = this.root.getByRole('form', { name: 'Nội dung giấy phép' });
  }

  async expectOpen(code: string): Promise<void> {
    await expect(this.code).toHaveText(code);
  }

  /** The id in the address (#/ho-so/<id>). */
  dossierId(): number {
    return Number(/#\/ho-so\/(\d+)/.exec(this.page.url())?.[1]);
  }

  actionButton(buttonText: string): Locator {
    return this.actions.getByRole('button', { name: buttonText, exact: true });
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Clicks an action of the action bar and returns its dialog (named after the action). */
  async startAction(buttonText: string, title: string): Promise<Locator> {
    await this.actionButton(buttonText).click();
    const dialog = this.dialog(title);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Submits an action dialog with its own button; waits until it closes or shows the print step. */
  async submitAction(dialog: Locator, buttonText: string): Promise<void> {
    await dialog.getByRole('button', { name: buttonText, exact: true }).click();
    await expect(dialog.getByRole('button', { name: buttonText, exact: true })).toBeHidden();
  }

  async tab(name: string | RegExp): Promise<void> {
    await this.root.getByRole('tab', { name }).click();
  }

  /** Fills every required licence field that is still empty, then saves. */
  async fillRequiredLicenceFields(valueFor: (label: string) => string): Promise<void> {
    await this.tab('Nội dung giấy phép');
    const required = this.licenceForm.locator('textarea[required], input[required]');
    await expect(required.first()).toBeVisible();
    for (const field of await required.all()) {
      if ((await field.inputValue()) !== '') continue;
      const label = (await field.getAttribute('aria-label')) ?? (await labelOf(field));
      await field.fill(valueFor(label));
    }
    await this.licenceForm.getByRole('button', { name: 'Lưu nội dung giấy phép' }).click();
    await expect(this.licenceForm.getByText('Đủ nội dung bắt buộc')).toBeVisible();
    await expect(this.licenceForm.getByRole('button', { name: 'Lưu nội dung giấy phép' })).toBeDisabled();
  }

  /** Clicks a print button (in the action bar, or in `scope`) and returns the download. */
  async download(buttonText: string, scope: Locator = this.prints): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      scope.getByRole('button', { name: buttonText, exact: true }).click(),
    ]);
    return download;
  }

  async downloadReceipt(copies: 1 | 2 = 1): Promise<Download> {
    return this.download(copies === 1 ? 'In giấy tiếp nhận' : 'In 2 liên');
  }

  async backToList(): Promise<void> {
    await this.root.getByRole('link', { name: '← Danh sách hồ sơ' }).click();
    await expect(this.root).toBeHidden();
  }
}

async function labelOf(field: Locator): Promise<string> {
  const id = await field.getAttribute('id');
  if (!id) return '';
  return (await field.page().locator(`label[for="${id}"]`).textContent())?.trim() ?? '';
}

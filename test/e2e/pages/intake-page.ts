import { expect, type Locator, type Page } from '@playwright/test';

export interface Applicant {
  kind?: 'organization' | 'individual';
  name: string;
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** Tiếp nhận hồ sơ — the intake form and the result panel that replaces it after a successful submit. */
export class IntakePage {
  readonly procedure: Locator;
  readonly applicantName: Locator;
  readonly idNumber: Locator;
  readonly address: Locator;
  readonly phone: Locator;
  readonly email: Locator;
  readonly setCount: Locator;
  readonly notes: Locator;
  readonly submitButton: Locator;
  readonly componentRows: Locator;
  readonly duePreview: Locator;
  readonly result: Locator;
  readonly resultCode: Locator;
  readonly resultDueDate: Locator;

  constructor(readonly page: Page) {
    const form = page.getByRole('form', { name: 'Tiếp nhận hồ sơ' });
    this.procedure = form.getByRole('combobox', { name: 'Thủ tục hành chính', exact: true });
    this.applicantName = form.getByRole('textbox', { name: 'Tên tổ chức, cá nhân', exact: true });
    this.idNumber = form.getByRole('textbox', { name: 'Số CCCD / mã số doanh nghiệp', exact: true });
    this.address = form.getByRole('textbox', { name: 'Địa chỉ', exact: true });
    this.phone = form.getByRole('textbox', { name: 'Số điện thoại', exact: true });
    this.email = form.getByRole('textbox', { name: 'Email', exact: true });
    this.setCount = form.getByRole('textbox', { name: 'Số bộ hồ sơ', exact: true });
    this.notes = form.getByRole('textbox', { name: 'Ghi chú', exact: true });
    this.submitButton = form.getByRole('button', { name: 'Tiếp nhận hồ sơ' });
    this.componentRows = form.getByTestId('component-row');
    this.duePreview = form.getByTestId('due-preview');
    this.result = page.getByTestId('intake-result');
    this.resultCode = page.getByTestId('dossier-code');
    this.resultDueDate = page.getByTestId('due-date');
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Tiếp nhận hồ sơ/ })
      .click();
    await expect(this.procedure).toBeVisible();
  }

  componentCheckbox(index: number): Locator {
    return this.componentRows.nth(index).getByRole('checkbox');
  }

  /** Types into the procedure box and takes the first match with Enter, as a clerk does. */
  async chooseProcedureByTyping(text: string, expectedName: RegExp): Promise<void> {
    await this.procedure.focus();
    await this.page.keyboard.type(text);
    await expect(this.page.getByRole('option', { name: expectedName }).first()).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(this.procedure).toHaveValue(expectedName);
  }

  /** Fills the applicant with the mouse-free path: type, Enter to the next field. */
  async typeApplicantWithKeyboard(applicant: Applicant): Promise<void> {
    const keyboard = this.page.keyboard;
    const steps: Array<[Locator, string | undefined]> = [
      [this.applicantName, applicant.name],
      [this.idNumber, applicant.idNumber],
      [this.address, applicant.address],
      [this.phone, applicant.phone],
      [this.email, applicant.email],
    ];
    for (const [field, value] of steps) {
      await expect(field).toBeFocused();
      if (value) await keyboard.type(value);
      await keyboard.press('Enter');
    }
  }

  /** Space ticks the focused component, Enter moves to the next one. */
  async tickAllComponentsWithKeyboard(): Promise<number> {
    const count = await this.componentRows.count();
    for (let index = 0; index < count; index += 1) {
      await expect(this.componentCheckbox(index)).toBeFocused();
      await this.page.keyboard.press('Space');
      await expect(this.componentCheckbox(index)).toBeChecked();
      await this.page.keyboard.press('Enter');
    }
    return count;
  }

  async tickAllComponents(): Promise<void> {
    const count = await this.componentRows.count();
    for (let index = 0; index < count; index += 1) await this.componentCheckbox(index).check();
  }

  /** The Vietnamese error shown beside a field is part of its accessible description. */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }

  async expectReceived(): Promise<{ code: string; dueDate: string }> {
    await expect(this.result).toBeVisible();
    const code = (await this.resultCode.textContent())?.trim() ?? '';
    const dueDate = (await this.resultDueDate.textContent())?.trim() ?? '';
    return { code, dueDate };
  }

  /** Receives one dossier for the non-commercial publishing procedure (10 working days), with the mouse. */
  async receivePublishingDossier(applicant: Applicant): Promise<{ code: string; dueDate: string }> {
    await this.goto();
    await this.chooseProcedureByTyping(
      'xuat ban tai lieu',
      /Cấp giấy phép xuất bản tài liệu không kinh doanh/,
    );
    await this.applicantName.fill(applicant.name);
    if (applicant.idNumber) await this.idNumber.fill(applicant.idNumber);
    if (applicant.address) await this.address.fill(applicant.address);
    await this.tickAllComponents();
    await expect(this.duePreview).toContainText('Hẹn trả:');
    await this.submitButton.click();
    return this.expectReceived();
  }

  /** From the result panel to the dossier's own page. */
  async openReceived(): Promise<void> {
    await this.result.getByRole('link', { name: 'Mở hồ sơ' }).click();
  }

  async startAnother(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();
    await expect(this.procedure).toBeVisible();
  }
}

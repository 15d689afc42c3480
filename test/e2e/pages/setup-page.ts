import { expect, type Locator, type Page } from '@playwright/test';

export interface AgencyDetails {
  governingBody: string;
  name: string;
  shortSymbol: string;
  placeName: string;
  agencyCode: string;
  deskName: string;
  address: string;
  phone: string;
  email: string;
}

export interface Signer {
  name: string;
  title: string;
  capacity: 'head' | 'deputy';
}

/** Thiết lập ban đầu — the first-run form (the same form is the Settings page later). */
export class SetupPage {
  readonly heading: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Thiết lập ban đầu' });
    this.saveButton = page.getByRole('button', { name: 'Lưu và bắt đầu sử dụng' });
  }

  /** By accessible name: a label's required-asterisk is not part of it. */
  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  async expectVisible(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async fillAgency(agency: AgencyDetails): Promise<void> {
    await this.field('Cơ quan chủ quản').fill(agency.governingBody);
    await this.field('Tên cơ quan').fill(agency.name);
    await this.field('Ký hiệu viết tắt').fill(agency.shortSymbol);
    await this.field('Địa danh').fill(agency.placeName);
    await this.field('Mã định danh cơ quan').fill(agency.agencyCode);
    await this.field('Tên bộ phận tiếp nhận').fill(agency.deskName);
    await this.field('Địa chỉ cơ quan').fill(agency.address);
    await this.field('Điện thoại cơ quan').fill(agency.phone);
    await this.field('Email cơ quan').fill(agency.email);
  }

  /**
   * Fills one authority's signer rows in order (issue 12 §3): the Sở's list starts with one row, the UBND
   * tỉnh's with none.
   */
  async fillSigners(signers: Signer[], authority: 'so' | 'ubnd' = 'so'): Promise<void> {
    const suffix = authority === 'ubnd' ? ' UBND' : '';
    const section = this.page.getByTestId(`signers-${authority}`);
    for (const [index, signer] of signers.entries()) {
      const n = index + 1;
      if ((await this.field(`Họ tên người ký${suffix} ${n}`).count()) === 0) {
        await section.getByRole('button', { name: /^\+ Thêm người ký/ }).click();
      }
      await this.field(`Họ tên người ký${suffix} ${n}`).fill(signer.name);
      await this.field(`Chức vụ người ký${suffix} ${n}`).fill(signer.title);
      const row = section.getByTestId(authority === 'so' ? 'signer-row' : 'signer-row-ubnd').nth(index);
      const labels =
        authority === 'so'
          ? { head: 'Giám đốc', deputy: 'Phó Giám đốc (KT.)' }
          : { head: 'Chủ tịch (TM. UBND)', deputy: 'Phó Chủ tịch (TM. UBND, KT. Chủ tịch)' };
      await row.getByText(labels[signer.capacity], { exact: true }).click();
    }
  }

  async fillReceiver(name: string): Promise<void> {
    await this.field('Người tiếp nhận mặc định').fill(name);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.heading).toBeHidden();
  }
}

import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** 'Tháng' | 'Quý' | 'Năm' | 'Tùy chọn' */
export type PeriodChoiceLabel = 'Tháng' | 'Quý' | 'Năm' | 'Tùy chọn';

/** "1.234" (Vietnamese digit grouping) -> 1234. */
export function parseCount(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

/** The period picker shared by Thống kê and Báo cáo. */
export class PeriodPickerPart {
  readonly root: Locator;
  readonly range: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('period-picker');
    this.range = page.getByTestId('period-range');
    this.error = page.getByTestId('period-error');
  }

  async choose(choice: PeriodChoiceLabel): Promise<void> {
    await this.root.getByText(choice, { exact: true }).click();
  }

  /** Types a custom range as a clerk would ('dd/mm/yyyy'). */
  async customRange(from: string, to: string): Promise<void> {
    await this.choose('Tùy chọn');
    for (const [label, value] of [
      ['Từ ngày', from],
      ['Đến ngày', to],
    ] as const) {
      const box = this.root.getByRole('textbox', { name: label });
      await box.fill(value);
      await box.press('Enter');
      await box.blur();
    }
  }
}

/** The list opened from a number (stats.drilldown). */
export class DrilldownPart {
  readonly dialog: Locator;
  readonly total: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog').filter({ has: page.getByTestId('drilldown') });
    this.total = this.dialog.getByTestId('drilldown-total');
    this.rows = this.dialog.getByTestId('drilldown-row');
  }

  async totalCount(): Promise<number> {
    await expect(this.total).not.toHaveText('…');
    return parseCount(await this.total.textContent());
  }

  row(code: string): Locator {
    return this.rows.filter({ hasText: code });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}

/** Thống kê: KPI cards, breakdowns, alert lists; every number opens its list. */
export class StatisticsPage {
  readonly period: PeriodPickerPart;
  readonly drilldown: DrilldownPart;
  readonly kpis: Locator;

  constructor(readonly page: Page) {
    this.period = new PeriodPickerPart(page);
    this.drilldown = new DrilldownPart(page);
    this.kpis = page.locator('[data-testid^="kpi-"]');
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Thống kê/ })
      .click();
    await expect(this.kpis.first()).toBeVisible();
  }

  /** A KPI figure by its cell name ('pending.overdue', 'received.total', …). */
  kpi(cell: string): Locator {
    return this.page
      .getByTestId(`kpi-${cell.split('.')[0]}`)
      .locator(`[data-cell="${cell}"]`)
      .first();
  }

  async kpiCount(cell: string): Promise<number> {
    return parseCount(await this.kpi(cell).textContent());
  }

  async openKpi(cell: string): Promise<void> {
    await this.kpi(cell).click();
    await expect(this.drilldown.dialog).toBeVisible();
  }
}

/** Báo cáo: Biểu 06 with its exports and the Sổ theo dõi hồ sơ exports. */
export class ReportPage {
  readonly period: PeriodPickerPart;
  readonly drilldown: DrilldownPart;
  readonly table: Locator;
  readonly totalRow: Locator;
  readonly invariants: Locator;

  constructor(readonly page: Page) {
    this.period = new PeriodPickerPart(page);
    this.drilldown = new DrilldownPart(page);
    this.table = page.getByTestId('bieu06');
    this.totalRow = this.table.getByTestId('report-total');
    this.invariants = page.getByTestId('invariants');
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: /^Báo cáo/ })
      .click();
    await expect(this.totalRow).toBeVisible();
  }

  /** The total row's columns c3 … c13 as numbers. */
  async totals(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (let n = 3; n <= 13; n += 1) {
      out[`c${n}`] = parseCount(await this.totalRow.locator(`[data-col="c${n}"]`).textContent());
    }
    return out;
  }

  private async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  exportReport(format: 'xlsx' | 'pdf'): Promise<Download> {
    const name = format === 'xlsx' ? 'Xuất Excel' : 'Xuất PDF';
    return this.download(this.page.getByRole('button', { name, exact: true }));
  }

  exportRegister(format: 'xlsx' | 'pdf'): Promise<Download> {
    const name = format === 'xlsx' ? 'Sổ theo dõi hồ sơ (Excel)' : 'Sổ theo dõi hồ sơ (PDF)';
    return this.download(this.page.getByRole('button', { name, exact: true }));
  }
}

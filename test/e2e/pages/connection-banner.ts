import type { Locator, Page } from '@playwright/test';

/** The banner shown while the server cannot be reached. */
export class ConnectionBanner {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('connection-banner');
  }
}

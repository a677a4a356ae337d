import type { Page, TestInfo } from '@playwright/test';

/** Save a full-page screenshot as a test artifact (attached to the report and kept on disk). */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** A region name no other test uses, so tests sharing one host do not see each other's data. */
export function uniqueRegion(base: string): string {
  return `${base} ${Math.random().toString(36).slice(2, 7)}`;
}

import { expect, test } from '@playwright/test';
import { snap, uniqueRegion } from './helpers';

test.describe('backups (Cadangan & Pulihkan)', () => {
  test('make a backup, delete something, restore it from the list', async ({ page }, testInfo) => {
    const region = uniqueRegion('Blitar');
    const e = await (
      await page.request.post('/api/engagements.create', {
        data: { regionName: region, regionKind: 'kota', province: 'Jawa Timur', year: 2021, timeZone: 'WIB' },
      })
    ).json();

    await page.goto('/#/');
    await page.getByRole('link', { name: 'Cadangan' }).click();
    await expect(page.getByRole('heading', { name: 'Cadangan & Pulihkan' })).toBeVisible();
    await page.getByRole('button', { name: 'Buat cadangan sekarang' }).click();
    await expect(page.getByText(/^Cadangan dibuat/)).toBeVisible();
    const newest = page.locator('tbody tr').first();
    await expect(newest).toContainText('Manual');
    await expect(newest).toContainText(/\d+ pendampingan/);

    // Delete the engagement for good from view (the bin), then bring it back from the backup.
    await page.request.post('/api/engagements.delete', { data: { id: e.value.id } });
    await page.goto('/#/');
    await expect(page.getByRole('link', { name: new RegExp(region) })).toHaveCount(0);

    await page.goto('/#/backups');
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await snap(page, testInfo, `backups-${w}x${h}`);
    }
    await page
      .locator('tbody tr')
      .filter({ hasText: 'Manual' })
      .first()
      .getByRole('button', { name: 'Pulihkan' })
      .click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Data saat ini dicadangkan dahulu');
    await snap(page, testInfo, 'backups-confirm');
    await dialog.getByRole('button', { name: 'Pulihkan' }).click();
    await expect(page.getByText(/sudah dipulihkan/)).toBeVisible();
    // The current data was backed up first, and the list shows it.
    await expect(page.locator('tbody tr').first()).toContainText('Sebelum pemulihan');

    // No restart: the app carries on with the restored data.
    await page.getByRole('link', { name: /Bimtek Studio/ }).click();
    await expect(page.getByRole('link', { name: new RegExp(region) })).toBeVisible();
  });
});

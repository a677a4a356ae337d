import { expect, test } from '@playwright/test';
import { api, snap, uniqueRegion } from './helpers';

// An American browser: a native date input would show 08/28/2019 and an AM/PM clock.
test.use({ locale: 'en-US' });

test.describe('dates and times the Indonesian way, whatever the browser locale', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1024, height: 768 },
  ]) {
    test(`typed dd/mm/yyyy, the calendar in Indonesian, keyboard only (${viewport.width}×${viewport.height})`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(viewport);
      const e = await api(page, 'engagements.create', {
        regionName: uniqueRegion('Kediri'),
        regionKind: 'kota',
        province: 'Jawa Timur',
        year: 2019,
        timeZone: 'WIB',
      });
      await page.goto(`/#/engagements/${e.id}/workshops/new`);
      await page.getByLabel('Tahap', { exact: true }).selectOption('tahap-3');

      const day = page.locator('input[name="days.0.date"]');
      // Not a date: kept as typed, and said in Indonesian with the format.
      await day.fill('31/02/2019');
      await page.getByRole('button', { name: 'Buat Bimtek' }).click();
      await expect(page.getByText('Tanggal tidak valid (hh/bb/tttt, misalnya 28/08/2019).')).toBeVisible();
      await expect(day).toHaveValue('31/02/2019');
      await day.fill('28/8/2019');
      await day.blur();
      await expect(day).toHaveValue('28/08/2019');
      await page.locator('input[name="days.0.startTime"]').fill('9.00');
      await page.locator('input[name="days.0.startTime"]').blur();
      await expect(page.locator('input[name="days.0.startTime"]')).toHaveValue('09.00');

      // The invitation date from its calendar, with the keyboard only.
      const invitation = page.getByLabel('Tanggal surat undangan');
      await invitation.fill('20/08/2019');
      await invitation.press('Tab');
      await expect(page.getByRole('button', { name: 'Pilih tanggal di kalender' }).last()).toBeFocused();
      await page.keyboard.press('Enter');
      const calendar = page.getByRole('dialog', { name: 'Kalender: Tanggal surat undangan' });
      await expect(calendar).toBeVisible();
      await expect(calendar).toContainText('Sen');
      await expect(calendar.getByRole('combobox').first()).toContainText('Agustus');
      await expect(calendar.locator('[aria-selected="true"]')).toHaveText('20');
      await expect(calendar.locator('button:focus')).toHaveText('20');
      await page.keyboard.press('ArrowDown');
      await expect(calendar.locator('button:focus')).toHaveText('27');
      await expect(calendar).toBeInViewport();
      await snap(page, testInfo, `date-picker-open-${viewport.width}`);
      await page.keyboard.press('Enter');
      await expect(calendar).toBeHidden();
      await expect(invitation).toHaveValue('27/08/2019');

      await page.getByLabel('Tempat').fill('Ruang Joyoboyo, Balai Kota Kediri');
      await page.getByRole('button', { name: 'Buat Bimtek' }).click();
      const schedule = page.getByRole('list', { name: 'Hari pelaksanaan' });
      await expect(schedule).toContainText('Rabu, 28 Agustus 2019');
      await expect(schedule).toContainText('09.00');
      const id = /workshops\/([0-9a-f-]{36})/.exec(page.url())![1];
      const w = await api(page, 'workshops.get', { id });
      expect(w.days[0].date).toBe('2019-08-28');
      expect(w.days[0].startTime).toBe('09:00');
      expect(w.invitationDate).toBe('2019-08-27');
      // The editor shows them back the same way.
      await expect(page.locator('input[name="days.0.date"]')).toHaveValue('28/08/2019');
      await expect(page.getByLabel('Tanggal surat undangan')).toHaveValue('27/08/2019');
    });
  }
});

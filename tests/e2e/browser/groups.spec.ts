import { expect, test, type Page } from '@playwright/test';
import { api, snap, uniqueRegion } from './helpers';

const AGENCIES = ['Diskominfo', 'Bappeda', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Perhubungan', 'DLH'];

/** A Tahap III workshop with 18 people of 6 OPDs present on day 2, and a SWOT step that day. */
async function seed(page: Page) {
  const e = await api(page, 'engagements.create', {
    regionName: uniqueRegion('Kediri'),
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: AGENCIES,
  });
  const w = await api(page, 'workshops.create', {
    engagementId: e.id,
    stage: 'tahap-3',
    customStageName: '',
    title: 'Bimtek Tahap III Masterplan Smart City',
    days: [
      { date: '2019-08-28', startTime: '08:00', endTime: '16:00' },
      { date: '2019-08-29', startTime: '08:00', endTime: '16:00' },
    ],
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
    chairName: 'Abdullah Abu Bakar',
    chairPosition: 'Wali Kota Kediri',
    template: 'tahap-3',
  });
  const dayId = w.days[1].id as string;
  for (let i = 0; i < 18; i++) {
    const p = await api(page, 'participants.create', {
      engagementId: e.id,
      name: `Peserta ${String(i + 1).padStart(2, '0')}`,
      agency: AGENCIES[i % AGENCIES.length],
    });
    await api(page, 'attendance.checkIn', { dayId, participantId: p.id });
  }
  const step = await api(page, 'agenda.addStep', {
    dayId,
    afterId: null,
    step: {
      kind: 'diskusi-kelompok',
      title: 'Diskusi SWOT per dimensi',
      plannedMinutes: 60,
      presenter: '',
      script: '',
      project: '',
      formId: 'swot',
      notes: '',
    },
  });
  return { engagementId: e.id as string, workshopId: w.id as string, dayId, stepId: step.id as string };
}

async function openDay2(page: Page) {
  await page.getByRole('tab', { name: /^Hari ke-2/ }).click();
  await expect(page.getByRole('tab', { name: /^Hari ke-2/ })).toHaveAttribute('aria-selected', 'true');
}

test.describe('groups', () => {
  test.describe.configure({ timeout: 180_000 });

  test('auto-assign six groups, a keyboard move, SWOT filled on the laptop for two groups, done refused then accepted', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/');
    const { engagementId, workshopId, dayId, stepId } = await seed(page);
    await page.goto(`/#/engagements/${engagementId}/workshops/${workshopId}`);
    await page.getByRole('link', { name: 'Kelompok', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Kerja kelompok' })).toBeVisible();
    await openDay2(page);

    // Bagi otomatis: six groups of three, one OPD each at most, everyone placed.
    const auto = page.getByRole('button', { name: 'Bagi otomatis' });
    await expect(auto).toBeInViewport();
    await auto.click();
    await expect(page.locator('.group-card')).toHaveCount(6);
    await expect(page.getByRole('heading', { name: 'Belum berkelompok (0)' })).toBeVisible();
    let view = await api(page, 'groups.list', { workshopId });
    let day = view.days.find((d: { dayId: string }) => d.dayId === dayId);
    expect(day.groups.map((g: { memberIds: string[] }) => g.memberIds.length)).toEqual([3, 3, 3, 3, 3, 3]);
    const agencyOf = new Map(day.candidates.map((c: { id: string; agency: string }) => [c.id, c.agency]));
    for (const g of day.groups) expect(new Set(g.memberIds.map((m: string) => agencyOf.get(m))).size).toBe(3);
    await snap(page, testInfo, 'groups-board-1366');

    // Asking again: the existing assignment is not replaced without a question.
    await auto.click();
    await expect(page.getByRole('dialog', { name: 'Bagi ulang kelompok?' })).toBeVisible();
    await page.getByRole('button', { name: 'Batal' }).click();

    // Keyboard: the first member of group 1, Alt+→ puts them in group 2; the focus follows, the move is announced.
    const [g1, g2] = day.groups;
    const person = page.locator(`[data-person="${g1.memberIds[0]}"]`);
    await person.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page.locator(`[data-person="${g1.memberIds[0]}"][data-group="${g2.id}"]`)).toBeFocused();
    await expect(page.getByTestId('group-announce')).toHaveText(/dipindahkan ke Kelompok 2/);
    view = await api(page, 'groups.list', { workshopId });
    day = view.days.find((d: { dayId: string }) => d.dayId === dayId);
    expect(day.groups[1].memberIds).toContain(g1.memberIds[0]);
    expect(day.groups[0].memberIds).not.toContain(g1.memberIds[0]);

    // Drag (pointer): a member of group 3 dropped on group 4, then back. The drop lands near the
    // card's top, the card in the middle of the window (clear of the toasts at the bottom).
    const dragged = day.groups[2].memberIds[0];
    const dragToSlot = async (n: number) => {
      const slot = page.locator('.group-slot').nth(n);
      await slot.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.locator(`[data-person="${dragged}"]`).dragTo(slot, { targetPosition: { x: 40, y: 80 } });
      await expect(page.locator(`[data-person="${dragged}"][data-group="${day.groups[n].id}"]`)).toBeVisible();
    };
    await dragToSlot(3);
    await expect(page.getByTestId('group-announce')).toHaveText(/dipindahkan ke Kelompok 4/);
    await dragToSlot(2);

    // Delete a group, then Urungkan from the toast: it is back with its members.
    await page.getByRole('button', { name: 'Hapus Kelompok 6' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Hapus' }).click();
    await expect(page.locator('.group-card')).toHaveCount(5);
    await expect(page.getByRole('heading', { name: 'Belum berkelompok (3)' })).toBeVisible();
    await page.getByRole('button', { name: 'Urungkan' }).click();
    await expect(page.locator('.group-card')).toHaveCount(6);
    await expect(page.getByRole('heading', { name: 'Belum berkelompok (0)' })).toBeVisible();

    // An empty name is refused with a message and stays as typed; a name is saved.
    const name1 = page.locator(`#group-${g1.id}-name`);
    await name1.fill('');
    await name1.blur();
    await expect(page.getByText('Wajib diisi.')).toBeVisible();
    await expect(name1).toHaveValue('');
    await name1.fill('Kelompok Tata Kelola');
    await name1.blur();
    await expect
      .poll(async () => (await api(page, 'groups.list', { workshopId })).days[1].groups[0].name)
      .toBe('Kelompok Tata Kelola');

    // Back at the top of the page (as opened): the main action is there without scrolling.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('heading', { name: 'Kerja kelompok' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect(auto).toBeInViewport();
    await snap(page, testInfo, 'groups-board-1024');
    await page.setViewportSize({ width: 1366, height: 768 });

    // Capture on the laptop: group 1's SWOT, typed, then the page reloaded at once.
    await page.getByRole('tab', { name: /Diskusi SWOT per dimensi/ }).click();
    await expect(page.getByRole('tab', { name: /Kelompok Tata Kelola/ })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('combobox', { name: /^Dimensi/ }).selectOption('governance');
    await page.getByLabel(/^Kekuatan/).fill('Command center sudah ada\nAplikasi e-SPTPD');
    await page.reload();
    // The same day, worksheet and group after the reload, with the text typed before it.
    await expect(page.getByRole('tab', { name: /Diskusi SWOT per dimensi/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: /Kelompok Tata Kelola/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel(/^Kekuatan/)).toHaveValue('Command center sudah ada\nAplikasi e-SPTPD');
    const ref1 = { groupId: g1.id, stepId };
    await expect
      .poll(async () => (await api(page, 'outputs.get', ref1)).values.strengths)
      .toEqual(['Command center sudah ada', 'Aplikasi e-SPTPD']);
    await page.getByLabel(/^Kelemahan/).fill('Data belum terpadu');
    await page.getByLabel(/^Peluang/).fill('Dukungan Kominfo');
    await page.getByLabel(/^Ancaman/).fill('Serangan siber');
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.getByRole('button', { name: 'Buka lagi' })).toBeVisible();
    await expect(page.getByRole('tab', { name: /Kelompok Tata Kelola/ })).toContainText('Selesai');

    // Group 2: half filled, "done" is refused with what is missing, and nothing typed is lost.
    await page.getByRole('tab', { name: /^Kelompok 2/ }).click();
    await page.getByRole('combobox', { name: /^Dimensi/ }).selectOption('branding');
    await page.getByLabel(/^Kekuatan/).fill('Festival Kediri');
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Belum lengkap: 3 isian wajib' })).toBeVisible();
    await expect(page.getByText('Belum lengkap: 3 isian wajib masih kosong.', { exact: true })).toBeVisible();
    await expect(page.getByLabel(/^Kekuatan/)).toHaveValue('Festival Kediri');
    await snap(page, testInfo, 'groups-capture-refused-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(page.getByRole('button', { name: 'Tandai selesai' })).toBeInViewport();
    await snap(page, testInfo, 'groups-capture-refused-1024');
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByLabel(/^Kelemahan/).fill('Promosi belum terarah');
    await page.getByLabel(/^Peluang/).fill('Wisata religi');
    await page.getByLabel(/^Ancaman/).fill('Persaingan kota tetangga');
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.getByRole('button', { name: 'Buka lagi' })).toBeVisible();
    const out2 = await api(page, 'outputs.get', { groupId: g2.id, stepId });
    expect(out2.status).toBe('done');
    expect(out2.values).toMatchObject({
      dimension: 'branding',
      strengths: ['Festival Kediri'],
      weaknesses: ['Promosi belum terarah'],
      threats: ['Persaingan kota tetangga'],
    });
    expect((await api(page, 'outputs.get', ref1)).status).toBe('done');
    await snap(page, testInfo, 'groups-capture-done-1366');

    // A device paired with group 3 writes a cell: the laptop's open form shows it, and who wrote it.
    const g3 = day.groups[2];
    const coded = await api(page, 'groups.pairCode', { id: g3.id });
    const pairing = await api(page, 'devices.pair', { code: coded.pairing.code, label: 'Tablet Kelompok 3' });
    await page.getByRole('tab', { name: /^Kelompok 3/ }).click();
    await expect(page.getByRole('button', { name: 'Tandai selesai' })).toBeVisible();
    const r = await page.request.post('/api/outputs.setCell', {
      headers: { 'x-bimtek-device': pairing.token },
      data: { groupId: g3.id, stepId, path: 'strengths', value: ['Jaringan fiber optik'], baseVersion: null },
    });
    expect((await r.json()).ok).toBe(true);
    await expect(page.getByLabel(/^Kekuatan/)).toHaveValue('Jaringan fiber optik');
    await expect(page.getByText(/Diubah oleh Tablet Kelompok 3 pukul/)).toBeVisible();
    await snap(page, testInfo, 'groups-capture-device-1366');

    // The board lists the paired device; revoking asks first.
    await page.getByRole('tab', { name: /^Kelompok \(6\)/ }).click();
    const devices = page.getByRole('region', { name: 'Perangkat Kelompok 3' });
    await expect(devices.getByText('Tablet Kelompok 3')).toBeVisible();
    await expect(devices.locator('.pair-code')).toHaveText(coded.pairing.code);
    await expect(devices.getByText(/berlaku sampai \d\d\.\d\d WIB/)).toBeVisible();
    await snap(page, testInfo, 'groups-devices-1366');
    await devices.getByRole('button', { name: 'Tampilkan kode di proyektor' }).click();
    await expect(page.getByText('Kode pemasangan tampil di proyektor.')).toBeVisible();
    const screen = await api(page, 'projector.view', { workshopId });
    expect(screen.mode).toBe('pairing');
    expect(screen.pairing).toContainEqual(expect.objectContaining({ groupId: g3.id, code: coded.pairing.code }));
    await devices.getByRole('button', { name: 'Cabut Tablet Kelompok 3' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cabut' }).click();
    await expect(devices.getByText('Tablet Kelompok 3')).toHaveCount(0);
    const refused = await page.request.post('/api/outputs.get', {
      headers: { 'x-bimtek-device': pairing.token },
      data: { groupId: g3.id, stepId },
    });
    expect((await refused.json()).error.key).toBe('errors.deviceRevoked');
  });
});

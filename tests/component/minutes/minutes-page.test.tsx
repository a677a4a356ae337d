// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../../../shared/i18n';
import type { MinutesView } from '../../../shared/minutes';
import { engagement, section, STEP, version1, view, W, workshop } from './fixtures';

vi.mock('../../../renderer/lib/api', () => import('../../fixtures/fake-api'));
const { fakeApi } = await import('../../fixtures/fake-api');
const { MinutesEditor } = await import('../../../renderer/features/minutes/minutes-page');
const { useLanguage } = await import('../../../renderer/i18n');
const { paginate } = await import('../../../renderer/features/minutes/preview');
const { blockFromText, blockText, changeKind, tidyBlocks } = await import('../../../renderer/features/minutes/blocks');

afterEach(cleanup);
beforeEach(() => {
  localStorage.clear();
  fakeApi.reset((op) => {
    if (op === 'minutes.saveSection' || op === 'minutes.rebuildSection' || op === 'minutes.setHeader')
      return { ok: true, value: view({ revision: 9 }) };
    return { ok: false, error: { code: 'INTERNAL', message: 'unexpected' } };
  });
});

const tr = (key: string, params?: Record<string, string | number>) =>
  (translate as (l: 'id', k: string, p?: Record<string, string | number>) => string)('id', key, params);

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const photoRow = (id: string, position: number, fileName: string) => ({
  id,
  caption: '',
  included: true,
  position,
  width: 1600,
  height: 1200,
  fileName,
  thumbnail: 'data:image/jpeg;base64,/9j/',
});

function show(v: MinutesView = view()) {
  return render(<MinutesEditor engagement={engagement} workshop={workshop} view={v} />);
}
const calls = (op: string) => fakeApi.calls.filter((c) => c.op === op).map((c) => c.input);
const area = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement;

describe('blocks ↔ editor text', () => {
  it('a list is one item per line and comes back the same; tidy drops blank items and splits paragraphs', () => {
    const ul = { kind: 'ul' as const, items: ['Tata kelola', 'Ekonomi'] };
    expect(blockText(ul)).toBe('Tata kelola\nEkonomi');
    expect(blockFromText('ul', blockText(ul))).toEqual(ul);
    // While typing, the empty next item stays (the cursor does not jump); leaving the field drops it.
    const typing = blockFromText('ol', 'Satu\n\nDua\n');
    expect(typing).toEqual({ kind: 'ol', items: ['Satu', '', 'Dua', ''] });
    expect(tidyBlocks([typing])).toEqual([{ kind: 'ol', items: ['Satu', 'Dua'] }]);
    expect(tidyBlocks([{ kind: 'p', text: 'A\nB' }])).toEqual([
      { kind: 'p', text: 'A' },
      { kind: 'p', text: 'B' },
    ]);
    const same = [{ kind: 'p' as const, text: 'x' }];
    expect(tidyBlocks(same)).toBe(same);
    expect(changeKind({ kind: 'p', text: 'a\nb' }, 'ul')).toEqual({ kind: 'ul', items: ['a', 'b'] });
    expect(changeKind(ul, 'ol')).toEqual({ kind: 'ol', items: ['Tata kelola', 'Ekonomi'] });
  });
});

describe('MinutesEditor', () => {
  it('shows blocks as text without markup, saves typed items as the section blocks, and the kind switch', async () => {
    show();
    const list = area(tr('minutes.blockText', { section: 'Paparan: Konsep Smart City', n: 2 }));
    expect(list.value).toBe('Tata kelola\nEkonomi');
    expect(list.value).not.toMatch(/^[-*•]/m);
    fireEvent.change(list, { target: { value: 'Tata kelola\nEkonomi\nLingkungan' } });
    await waitFor(() => expect(calls('minutes.saveSection')).toHaveLength(1), { timeout: 2000 });
    expect(calls('minutes.saveSection')[0]).toEqual({
      workshopId: W,
      key: STEP,
      blocks: [
        { kind: 'p', text: 'Narasumber memaparkan konsep.' },
        { kind: 'ul', items: ['Tata kelola', 'Ekonomi', 'Lingkungan'] },
        { kind: 'ol', items: ['Pertama', 'Kedua'] },
      ],
    });
    await screen.findAllByText(tr('app.saved'));

    fireEvent.change(screen.getByRole('combobox', { name: tr('minutes.blockKind', { n: 2 }) }), {
      target: { value: 'ol' },
    });
    await waitFor(() => expect(calls('minutes.saveSection')).toHaveLength(2));
    expect((calls('minutes.saveSection')[1] as { blocks: unknown[] }).blocks[1]).toEqual({
      kind: 'ol',
      items: ['Tata kelola', 'Ekonomi', 'Lingkungan'],
    });
  });

  it('a block removed by mistake comes back from the toast, in its place', async () => {
    const { useApp } = await import('../../../renderer/app/store');
    useApp.setState({ toasts: [] });
    show();
    fireEvent.click(screen.getByRole('button', { name: tr('minutes.removeBlock', { n: 2 }) }));
    await waitFor(() => expect(calls('minutes.saveSection')).toHaveLength(1), { timeout: 2000 });
    expect((calls('minutes.saveSection')[0] as { blocks: unknown[] }).blocks).toHaveLength(2);
    const toast = useApp.getState().toasts.at(-1)!;
    expect(toast.text).toBe(tr('minutes.blockRemoved', { section: 'Paparan: Konsep Smart City' }));
    act(() => toast.action!.run());
    await waitFor(() => expect(calls('minutes.saveSection')).toHaveLength(2));
    expect((calls('minutes.saveSection')[1] as { blocks: unknown[] }).blocks[1]).toEqual({
      kind: 'ul',
      items: ['Tata kelola', 'Ekonomi'],
    });
  });

  it('a paste of the longest paragraph the limits allow is kept and sent whole', async () => {
    show();
    const long = 'x'.repeat(100_000);
    const p = area(tr('minutes.blockText', { section: 'Pembukaan', n: 1 }));
    fireEvent.change(p, { target: { value: long } });
    fireEvent.blur(p);
    await waitFor(() => expect(calls('minutes.saveSection')).toHaveLength(1));
    expect(calls('minutes.saveSection')[0]).toMatchObject({ key: 'opening', blocks: [{ kind: 'p', text: long }] });
  });

  it('a paste longer than a paragraph may hold stays whole on screen with the limit, and is not sent', async () => {
    show();
    const tooLong = 'y'.repeat(100_001);
    const p = area(tr('minutes.blockText', { section: 'Pembukaan', n: 1 }));
    // The browser would cut a paste at a maxlength without a word: there is none.
    expect(p.hasAttribute('maxlength')).toBe(false);
    fireEvent.change(p, { target: { value: tooLong } });
    fireEvent.blur(p);
    expect((await screen.findByRole('alert')).textContent).toBe(tr('engagements.tooLongMax', { max: 100_000 }));
    expect(p.value.length).toBe(100_001);
    await new Promise((r) => setTimeout(r, 700));
    expect(calls('minutes.saveSection')).toHaveLength(0);
  });

  it('a refused save keeps the text on screen and says why', async () => {
    fakeApi.reset(() => ({ ok: false, error: { code: 'IO', message: 'Disk penuh.' } }));
    show();
    const p = area(tr('minutes.blockText', { section: 'Pembukaan', n: 1 }));
    fireEvent.change(p, { target: { value: 'Teks yang tidak boleh hilang' } });
    fireEvent.blur(p);
    expect(await screen.findByText(/Disk penuh\./)).toBeTruthy();
    expect(p.value).toBe('Teks yang tidak boleh hilang');
  });

  it('the preview shows lists as lists and the header, follow-ups and signatories', () => {
    show();
    fireEvent.click(screen.getByRole('tab', { name: tr('minutes.tabPreview') }));
    const preview = screen.getByRole('region', { name: tr('minutes.previewLabel') });
    expect(within(preview).getByText(tr('minutes.previewNote'))).toBeTruthy();
    // What the pages show (the measuring copy off screen aside); jsdom lays nothing out: one page each.
    const [body, ...annexes] = within(preview).getAllByTestId('preview-page');
    const ul = body.querySelector('ul')!;
    expect([...ul.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Tata kelola', 'Ekonomi']);
    expect(body.querySelector('.paper__text--step ol li')?.textContent).toBe('Pertama');
    expect(within(body).getByText('Menyusun SK tim')).toBeTruthy();
    expect(within(body).getByText('NIP. 19680315 199403 1 005')).toBeTruthy();
    expect(within(annexes[1]).getByRole('heading', { name: 'Lampiran V Dokumentasi' })).toBeTruthy();
    // The body in the document's order, lettered as it prints.
    expect([...body.querySelectorAll('.paper__heading')].map((h) => h.textContent)).toEqual([
      'A. Pembukaan',
      'B. Pembahasan',
      'C. Keputusan/Kesimpulan',
      'D. Tindak Lanjut',
      'E. Penutup',
    ]);
    expect(within(body).getByRole('heading', { name: '1. Paparan: Konsep Smart City' })).toBeTruthy();
  });

  it('pages: a piece that does not fit starts the next page, a heading goes with what follows it', () => {
    // 100 px of room: 60 + 30 fit; the heading (10) and its text (50) would overflow, so both move.
    expect(paginate([60, 30, 10, 50, 20], [false, false, true, false, false], 100)).toEqual([0, 0, 1, 1, 1]);
    // A piece taller than a page gets a page of its own; the next starts after it.
    expect(paginate([20, 250, 20], [false, false, false], 100)).toEqual([0, 1, 2]);
    expect(paginate([], [], 100)).toEqual([]);
  });

  it('an edited section says so and is rebuilt from the notes after a confirmation', async () => {
    show(view({ sections: [section({ edited: true, blocks: [{ kind: 'p', text: 'Ditulis ulang.' }] })] }));
    expect(screen.getByText(tr('minutes.edited'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: tr('minutes.rebuild') }));
    const dialog = screen.getByRole('alertdialog');
    expect(calls('minutes.rebuildSection')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: tr('minutes.rebuild') }));
    await waitFor(() => expect(calls('minutes.rebuildSection')).toEqual([{ workshopId: W, key: 'opening' }]));
  });

  it('photos go one after another; a HEIC is refused with how to convert it while the others go in', async () => {
    fakeApi.reset((op, input) => {
      if (op !== 'minutes.addPhoto') return { ok: false, error: { code: 'INTERNAL', message: 'x' } };
      const { fileName } = input as { fileName: string };
      if (fileName.endsWith('.heic'))
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'heic', key: 'minutes.photoRefused.heic' },
        };
      return { ok: true, value: {} };
    });
    show();
    const input = screen.getByTestId('photo-input') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('.heic');
    const files = [
      new File([new Uint8Array([0xff, 0xd8, 0xff])], 'rapat-1.jpg', { type: 'image/jpeg' }),
      new File([new Uint8Array([0, 0, 0, 0x18])], 'IMG_0001.heic', { type: 'image/heic' }),
      new File([new Uint8Array([0x89, 0x50])], 'rapat-2.png', { type: 'image/png' }),
    ];
    fireEvent.change(input, { target: { files } });
    const results = await screen.findByRole('list', { name: tr('minutes.uploadResults') });
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(3));
    const items = within(results).getAllByRole('listitem');
    expect(items[0].textContent).toContain('rapat-1.jpg ✓');
    expect(items[1].textContent).toContain('IMG_0001.heic ✕');
    expect(items[1].textContent).toContain(tr('minutes.photoRefused.heic'));
    expect(items[2].textContent).toContain('rapat-2.png ✓');
    expect(calls('minutes.addPhoto').map((c) => (c as { fileName: string }).fileName)).toEqual([
      'rapat-1.jpg',
      'IMG_0001.heic',
      'rapat-2.png',
    ]);
    expect((calls('minutes.addPhoto')[0] as { data: string }).data).toBe('/9j/');
  });

  it('dropped photos go in too; a photo is moved, left out of the annex, and removed after a confirmation', async () => {
    fakeApi.reset((op) => ({ ok: true, value: op === 'minutes.removePhoto' ? { id: P1 } : {} }));
    show(view({ photos: [photoRow(P1, 0, 'a.jpg'), photoRow(P2, 1, 'b.jpg')] }));
    const drop = screen.getByTestId('photo-dropzone');
    fireEvent.drop(drop, {
      dataTransfer: { files: [new File([new Uint8Array([0xff, 0xd8])], 'seret.jpg', { type: 'image/jpeg' })] },
    });
    await waitFor(() => expect(calls('minutes.addPhoto')).toHaveLength(1));
    expect(calls('minutes.addPhoto')[0]).toMatchObject({ workshopId: W, fileName: 'seret.jpg' });

    fireEvent.click(screen.getByRole('button', { name: tr('minutes.moveLaterLabel', { n: 1 }) }));
    expect(
      (screen.getByRole('button', { name: tr('minutes.moveEarlierLabel', { n: 1 }) }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await waitFor(() => expect(calls('minutes.movePhoto')).toEqual([{ id: P1, index: 1 }]));
    fireEvent.click(screen.getAllByRole('checkbox', { name: tr('minutes.included') })[1]);
    await waitFor(() => expect(calls('minutes.updatePhoto')).toEqual([{ id: P2, included: false }]));

    fireEvent.click(screen.getByRole('button', { name: tr('minutes.removePhotoLabel', { n: 1 }) }));
    expect(calls('minutes.removePhoto')).toHaveLength(0);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: tr('minutes.removePhoto') }));
    await waitFor(() => expect(calls('minutes.removePhoto')).toEqual([{ id: P1 }]));
  });

  it('finalize names the revision it saw (or its own newer save) and shows the version and code', async () => {
    fakeApi.reset((op) => {
      if (op === 'minutes.finalize') return { ok: true, value: version1 };
      if (op === 'minutes.setHeader') return { ok: true, value: view({ revision: 9 }) };
      return { ok: false, error: { code: 'INTERNAL', message: 'x' } };
    });
    show();
    fireEvent.click(screen.getByRole('button', { name: tr('minutes.finalize') }));
    const dialog = screen.getByRole('dialog', { name: tr('minutes.finalizeTitle') });
    const by = within(dialog).getByRole('textbox', { name: new RegExp(tr('minutes.finalizedBy')) }) as HTMLInputElement;
    expect(by.value).toBe('Siti Aminah');
    fireEvent.click(within(dialog).getByRole('button', { name: tr('minutes.finalize') }));
    await waitFor(() => expect(calls('minutes.finalize')).toEqual([{ workshopId: W, revision: 7, by: 'Siti Aminah' }]));
    expect((await screen.findByTestId('minutes-finalized')).textContent).toBe('Versi 1 · kode 7F3A-91C2');
  });

  it('a number typed just before finalizing is saved first, and its revision is the one named', async () => {
    fakeApi.reset((op) => {
      if (op === 'minutes.finalize') return { ok: true, value: version1 };
      if (op === 'minutes.setHeader') return { ok: true, value: view({ revision: 9 }) };
      return { ok: false, error: { code: 'INTERNAL', message: 'x' } };
    });
    show();
    fireEvent.change(screen.getByRole('textbox', { name: tr('minutes.number') }), {
      target: { value: '005/NOT/2019' },
    });
    fireEvent.click(screen.getByRole('button', { name: tr('minutes.finalize') }));
    const dialog = screen.getByRole('dialog', { name: tr('minutes.finalizeTitle') });
    fireEvent.click(within(dialog).getByRole('button', { name: tr('minutes.finalize') }));
    await waitFor(() => expect(calls('minutes.finalize')).toHaveLength(1));
    const order = fakeApi.calls.map((c) => c.op).filter((op) => op !== 'minutes.progress');
    expect(order).toEqual(['minutes.setHeader', 'minutes.finalize']);
    expect(calls('minutes.finalize')[0]).toMatchObject({ revision: 9 });
  });

  it('a text that cannot be saved (too long) keeps finalize from locking the minutes without it', async () => {
    fakeApi.reset(() => ({ ok: true, value: version1 }));
    show();
    const p = area(tr('minutes.blockText', { section: 'Pembukaan', n: 1 }));
    fireEvent.change(p, { target: { value: 'z'.repeat(100_001) } });
    fireEvent.click(screen.getByRole('button', { name: tr('minutes.finalize') }));
    const dialog = screen.getByRole('dialog', { name: tr('minutes.finalizeTitle') });
    fireEvent.click(within(dialog).getByRole('button', { name: tr('minutes.finalize') }));
    expect(await within(dialog).findByText(tr('minutes.unsavedBeforeFinalize'))).toBeTruthy();
    expect(calls('minutes.finalize')).toHaveLength(0);
    expect(p.value.length).toBe(100_001);
  });

  it('while the document is built the dialog says so, with the phase the core reports', async () => {
    let finish: (v: unknown) => void = () => {};
    fakeApi.reset((op) => {
      if (op === 'minutes.progress')
        return { ok: true, value: { phase: 'build', step: 3, steps: 3, startedAt: '2019-08-28T08:30:00.000Z' } };
      if (op === 'minutes.finalize') return new Promise((resolve) => (finish = resolve));
      return { ok: false, error: { code: 'INTERNAL', message: 'x' } };
    });
    show();
    fireEvent.click(screen.getByRole('button', { name: tr('minutes.finalize') }));
    const dialog = screen.getByRole('dialog', { name: tr('minutes.finalizeTitle') });
    fireEvent.click(within(dialog).getByRole('button', { name: tr('minutes.finalize') }));
    const busy = await within(dialog).findByTestId('build-progress');
    expect(busy.textContent).toContain(tr('minutes.finalizing'));
    await waitFor(() => expect(busy.textContent).toContain('langkah 3 dari 3: menyusun dokumen'));
    expect((within(dialog).getByRole('button', { name: tr('minutes.finalize') }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    finish({ ok: true, value: version1 });
    expect((await screen.findByTestId('minutes-finalized')).textContent).toBe('Versi 1 · kode 7F3A-91C2');
  });

  it('a finalize refused because the minutes changed says so in the dialog', async () => {
    fakeApi.reset(() => ({ ok: false, error: { code: 'CONFLICT', message: 'x', key: 'errors.minutesChanged' } }));
    show();
    fireEvent.click(screen.getByRole('button', { name: tr('minutes.finalize') }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: tr('minutes.finalize') }));
    expect(await within(dialog).findByText(tr('errors.minutesChanged'))).toBeTruthy();
  });

  it('final minutes show what was finalized, not a draft left on this device', () => {
    localStorage.setItem(
      `bimtek.draft.minutes:${W}:opening`,
      JSON.stringify({ blocks: [{ kind: 'p', text: 'Draf yang tidak pernah tersimpan' }] }),
    );
    show(view({ state: 'final', versions: [version1] }));
    expect(area(tr('minutes.blockText', { section: 'Pembukaan', n: 1 })).value).toBe('Rapat dibuka pukul 08.00 WIB.');
  });

  it('final minutes are read-only: banner, no editing, no photo input, versions listed', () => {
    show(
      view({
        state: 'final',
        versions: [version1],
        photos: [
          {
            id: '00000000-0000-4000-8000-000000000001',
            caption: 'Pembukaan oleh Sekda',
            included: true,
            position: 0,
            width: 1600,
            height: 1200,
            fileName: 'rapat-1.jpg',
            thumbnail: 'data:image/jpeg;base64,/9j/',
          },
        ],
      }),
    );
    expect(screen.getByTestId('minutes-final').textContent).toBe(
      'Notulen sudah final: versi 1 (difinalkan 28 Agustus 2019 15.30 WIB oleh Siti Aminah). Buka kembali untuk mengubahnya.',
    );
    for (const el of screen.getAllByRole('textbox')) expect((el as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: tr('minutes.finalize') })).toBeNull();
    expect(screen.queryByRole('button', { name: tr('minutes.addBlock') })).toBeNull();
    expect(screen.queryByRole('button', { name: tr('minutes.rebuild') })).toBeNull();
    expect(screen.queryByTestId('photo-input')).toBeNull();
    expect(screen.queryByRole('button', { name: tr('minutes.removePhotoLabel', { n: 1 }) })).toBeNull();
    expect((screen.getByRole('checkbox', { name: tr('minutes.included') }) as HTMLInputElement).disabled).toBe(true);
    const row = screen.getByTestId('minutes-version');
    expect(row.textContent).toContain('7F3A-91C2');
    expect(row.textContent).toContain('abababababab');
    expect(row.textContent).not.toContain('ababababababa');
    expect(row.textContent).toContain('28 Agustus 2019 15.30 WIB');
    expect(row.textContent).not.toContain('WIB WIB');
    expect(screen.getByRole('button', { name: tr('minutes.downloadVersion', { n: 1 }) })).toBeTruthy();
  });

  it("reads in English when the UI is English (the document's own words stay Indonesian)", () => {
    useLanguage.getState().setLanguage('en');
    try {
      show();
      expect(screen.getByRole('button', { name: 'Finalize' })).toBeTruthy();
      expect(screen.getByRole('button', { name: /Export DOCX/ })).toBeTruthy();
      fireEvent.click(screen.getByRole('tab', { name: 'Preview' }));
      expect(screen.getAllByTestId('preview-page')[0].textContent).toContain('B. Pembahasan');
    } finally {
      useLanguage.getState().setLanguage('id');
    }
  });

  it('reopening needs a reason: empty is refused on the spot, with one the reopen is sent', async () => {
    fakeApi.reset((op) =>
      op === 'minutes.reopen' ? { ok: true, value: view() } : { ok: false, error: { code: 'INTERNAL', message: 'x' } },
    );
    show(view({ state: 'final', versions: [version1] }));
    fireEvent.click(screen.getByRole('button', { name: tr('minutes.reopen') }));
    const dialog = screen.getByRole('dialog', { name: tr('minutes.reopenTitle') });
    fireEvent.click(within(dialog).getByRole('button', { name: tr('minutes.reopen') }));
    const reason = within(dialog).getByRole('textbox', { name: new RegExp(tr('minutes.reason')) });
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByRole('alert').textContent).not.toBe('');
    expect(calls('minutes.reopen')).toHaveLength(0);
    fireEvent.change(reason, { target: { value: 'Koreksi nama narasumber' } });
    fireEvent.click(within(dialog).getByRole('button', { name: tr('minutes.reopen') }));
    await waitFor(() =>
      expect(calls('minutes.reopen')).toEqual([
        { workshopId: W, by: 'Siti Aminah', reason: 'Koreksi nama narasumber' },
      ]),
    );
  });
});

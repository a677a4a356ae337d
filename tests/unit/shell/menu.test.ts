import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applyMenu, buildMenuTemplate, type MenuInput } from '../../../electron/shell/menu';

type Item = MenuItemConstructorOptions;

function input(overrides: Partial<MenuInput> = {}) {
  const actions = { about: vi.fn(), openDataFolder: vi.fn(), setLanguage: vi.fn() };
  return { language: 'id', isPackaged: true, platform: 'linux', actions, ...overrides } as MenuInput & {
    actions: typeof actions;
  };
}

const labels = (items: Item[]) => items.map((i) => i.label);
const submenu = (items: Item[], label: string) => (items.find((i) => i.label === label)?.submenu ?? []) as Item[];
const roles = (items: Item[]) => items.map((i) => i.role).filter(Boolean);
/** Every item of the menu, at any depth. */
const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all((i.submenu as Item[] | undefined) ?? [])]);
const click = (item: Item | undefined) => (item!.click as () => void)();

describe('application menu', () => {
  it('is Indonesian by default', () => {
    const t = buildMenuTemplate(input());
    expect(labels(t)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Jendela', 'Bantuan']);
    expect(labels(submenu(t, 'Sunting'))).toEqual(
      expect.arrayContaining(['Urungkan', 'Ulangi', 'Potong', 'Salin', 'Tempel', 'Pilih Semua']),
    );
    expect(labels(submenu(t, 'Berkas'))).toContain('Keluar');
    expect(labels(submenu(t, 'Bantuan'))).toEqual(['Tentang Bimtek Studio']);
  });

  it('is English when the language setting is en', () => {
    const t = buildMenuTemplate(input({ language: 'en' }));
    expect(labels(t)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(submenu(t, 'Edit'))).toEqual(
      expect.arrayContaining(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']),
    );
    expect(labels(submenu(t, 'File'))).toContain('Quit');
  });

  it('offers reload and developer tools only in a development build', () => {
    const packaged = all(buildMenuTemplate(input({ isPackaged: true })));
    expect(roles(packaged)).not.toContain('reload');
    expect(roles(packaged)).not.toContain('forceReload');
    expect(roles(packaged)).not.toContain('toggleDevTools');
    const dev = submenu(buildMenuTemplate(input({ isPackaged: false })), 'Tampilan');
    expect(roles(dev)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    expect(dev.find((i) => i.role === 'toggleDevTools')?.label).toBe('Alat Pengembang');
  });

  it('keeps zoom and full screen in every build', () => {
    expect(roles(submenu(buildMenuTemplate(input()), 'Tampilan'))).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']),
    );
  });

  it('switches the language from the menu, with the current one checked', () => {
    const i = input({ language: 'id' });
    const languages = submenu(submenu(buildMenuTemplate(i), 'Tampilan'), 'Bahasa / Language');
    expect(languages.map((l) => [l.label, l.checked])).toEqual([
      ['Bahasa Indonesia', true],
      ['English', false],
    ]);
    click(languages[1]);
    expect(i.actions.setLanguage).toHaveBeenCalledExactlyOnceWith('en');
  });

  it('opens the about box and the data folder', () => {
    const i = input({ language: 'en' });
    const t = buildMenuTemplate(i);
    click(submenu(t, 'Help').find((x) => x.label === 'About Bimtek Studio'));
    click(submenu(t, 'File').find((x) => x.label === 'Open Data Folder'));
    expect(i.actions.about).toHaveBeenCalledOnce();
    expect(i.actions.openDataFolder).toHaveBeenCalledOnce();
  });

  it('follows macOS conventions there', () => {
    const t = buildMenuTemplate(input({ platform: 'darwin' }));
    expect(t[0].role).toBe('appMenu');
    expect(roles(submenu(t, 'Berkas'))).toEqual(['close']);
  });

  it('installs the built menu as the application menu', () => {
    const built = { menu: true };
    const Menu = { buildFromTemplate: vi.fn((_template: Item[]) => built), setApplicationMenu: vi.fn() };
    applyMenu(Menu as never, input({ language: 'en' }));
    expect(labels(Menu.buildFromTemplate.mock.calls[0][0])).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(Menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(built);
  });
});

import type { Menu, MenuItemConstructorOptions } from 'electron';
import { CATALOGUES, type Catalogue } from '../../shared/i18n';
import { LANGUAGES, type Language } from '../../shared/languages';

/** Menu labels, Indonesian first, from the catalogue. */
export const MENU_LABELS = { id: CATALOGUES.id.menu, en: CATALOGUES.en.menu } satisfies Record<
  Language,
  Catalogue['menu']
>;

export interface MenuActions {
  about(): void;
  openDataFolder(): void;
  setLanguage(language: Language): void;
}

export interface MenuInput {
  language: Language;
  /** Reload and developer tools are offered only in a development build. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
}

type Item = MenuItemConstructorOptions;
type Labels = (typeof MENU_LABELS)[Language];

function viewMenu(t: Labels, input: MenuInput): Item {
  const dev: Item[] = input.isPackaged
    ? []
    : [
        { role: 'reload', label: t.reload },
        { role: 'forceReload', label: t.forceReload },
        { role: 'toggleDevTools', label: t.devTools },
        { type: 'separator' },
      ];
  // Each language is named in its own language, whatever the menu's language is.
  const languages: Item[] = LANGUAGES.map((lang) => ({
    label: t.languages[lang],
    type: 'radio',
    checked: lang === input.language,
    click: () => input.actions.setLanguage(lang),
  }));
  return {
    label: t.view,
    submenu: [
      ...dev,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
      { type: 'separator' },
      { label: t.language, submenu: languages },
    ],
  };
}

/**
 * The application menu as a template: Berkas, Sunting, Tampilan, Jendela, Bantuan in Indonesian,
 * File, Edit, View, Window, Help in English.
 */
export function buildMenuTemplate(input: MenuInput): Item[] {
  const t = MENU_LABELS[input.language] ?? MENU_LABELS.id;
  const mac = input.platform === 'darwin';
  const about: Item = { label: t.about, click: () => input.actions.about() };
  return [
    ...(mac ? [{ role: 'appMenu' } as Item] : []),
    {
      label: t.file,
      submenu: [
        { label: t.openDataFolder, click: () => input.actions.openDataFolder() },
        { type: 'separator' },
        mac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    viewMenu(t, input),
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
    { label: t.help, submenu: [about] },
  ];
}

/** Build the template and make it the application menu. */
export function applyMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, input: MenuInput): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(input)));
}

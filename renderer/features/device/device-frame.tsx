import type { ReactNode } from 'react';
import { useLanguage, useT } from '../../i18n';
import './device.css';

/**
 * The whole window of a paired group device (a phone or a group's laptop): a slim bar with the
 * app's name and the language switch (for this device only: the laptop's setting is not theirs to
 * change), then the page. No links to anything the device may not use.
 */
export function DeviceFrame({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const setLanguage = useLanguage((s) => s.setLanguage);
  return (
    <div className="device">
      <header className="device__bar">
        <span className="device__brand">
          <span className="device__logo" aria-hidden="true">
            B
          </span>
          <span className="device__brand-name">{t('app.name')}</span>
        </span>
        {aside}
        <div className="lang-switch device__lang" role="group" aria-label={t('app.language')}>
          {(['id', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className={l === language ? 'is-active' : ''}
              aria-pressed={l === language}
              onClick={() => setLanguage(l)}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </header>
      <main className="device__main">{children}</main>
    </div>
  );
}

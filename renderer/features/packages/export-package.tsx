import { useState } from 'react';
import { useApp } from '../../app/store';
import { useT } from '../../i18n';
import { exportFile } from '../../lib/files';

/** "Ekspor paket": the engagement with everything under it as one `.bimtek` file. */
export function ExportPackageButton({ engagementId }: { engagementId: string }) {
  const t = useT();
  const toast = useApp((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const out = await exportFile('packages.export', { engagementId });
    setBusy(false);
    if (out.status === 'failed') toast({ text: out.message });
    else if (out.status === 'saved') toast({ text: t('packages.exported', { file: out.fileName }) });
  };
  return (
    <button className="btn" disabled={busy} onClick={() => void run()}>
      {busy ? t('packages.exporting') : t('packages.export')}
    </button>
  );
}

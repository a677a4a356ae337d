import { useRef, useState, type ReactNode } from 'react';
import type { ListCopy } from '../../../shared/attendance';
import type { Engagement } from '../../../shared/domain';
import { routeHash, useApp } from '../../app/store';
import { Dialog } from '../../components/dialog';
import { useErrorText, useT } from '../../i18n';
import { exportFile } from '../../lib/files';

/** Which daftar hadir: the list itself, the copy for the minutes' annex, or the blank paper version. */
export type ListKind = ListCopy | 'blank';

/** The hash of the engagement page scrolled to its letterhead settings. */
export const letterheadHash = (engagementId: string) => `${routeHash({ name: 'engagement', id: engagementId })}/kop`;

/** Whether the engagement has a letterhead to print: at least one line of it. */
export const hasLetterhead = (e: Engagement) => e.letterhead.lines.some((l) => l.trim() !== '');

/**
 * Exporting a daftar hadir, shared by the door screen and the workshop page. Without a letterhead
 * it first asks: set it now (the engagement's letterhead settings open) or export without one.
 */
export function useAttendanceExport(engagement: Engagement, onSaved: (name: string) => string) {
  const t = useT();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const [busy, setBusy] = useState<ListKind | null>(null);
  const [asking, setAsking] = useState<{ dayId: string; kind: ListKind } | null>(null);

  const run = async (dayId: string, kind: ListKind) => {
    setBusy(kind);
    const out = await exportFile('documents.attendanceList', {
      dayId,
      blank: kind === 'blank',
      copy: kind === 'annex' ? 'annex' : 'list',
    });
    setBusy(null);
    if (out.status === 'saved') toast({ text: onSaved(out.path ?? out.fileName) });
    else if (out.status === 'failed') toast({ text: out.error ? errorText(out.error) : out.message });
  };

  const start = (dayId: string, kind: ListKind) => {
    if (!hasLetterhead(engagement)) return setAsking({ dayId, kind });
    void run(dayId, kind);
  };

  const dialog: ReactNode = asking && (
    <NoLetterheadDialog
      onSet={() => {
        setAsking(null);
        location.hash = letterheadHash(engagement.id);
      }}
      onExport={() => {
        setAsking(null);
        void run(asking.dayId, asking.kind);
      }}
      onCancel={() => setAsking(null)}
      text={t('checkin.noLetterhead')}
    />
  );
  return { start, busy, dialog };
}

function NoLetterheadDialog(props: { text: string; onSet(): void; onExport(): void; onCancel(): void }) {
  const t = useT();
  const setRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      role="alertdialog"
      title={props.text}
      titleAs="p"
      onClose={props.onCancel}
      closeOnBackdrop
      initialFocus={setRef}
    >
      <div className="actions">
        <button className="btn" onClick={props.onCancel}>
          {t('app.cancel')}
        </button>
        <button className="btn" onClick={props.onExport}>
          {t('checkin.exportWithoutLetterhead')}
        </button>
        <button ref={setRef} className="btn btn--primary" onClick={props.onSet}>
          {t('checkin.setLetterhead')}
        </button>
      </div>
    </Dialog>
  );
}

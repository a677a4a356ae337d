import { useState } from 'react';
import type { Participant } from '../../../shared/attendance';
import { formatNip } from '../../../shared/nip';
import { useApp } from '../../app/store';
import { useT, type MessageKey } from '../../i18n';
import { call } from '../../lib/api';
import { genderKey, maskPhone, roleKey } from './format';
import { Modal } from './modal';
import './note.css';
import './merge-dialog.css';

const ROWS: { field: keyof Participant; label: MessageKey }[] = [
  { field: 'name', label: 'participants.colName' },
  { field: 'nip', label: 'participants.colNip' },
  { field: 'position', label: 'participants.colPosition' },
  { field: 'agency', label: 'participants.colAgency' },
  { field: 'phone', label: 'participants.colPhone' },
  { field: 'email', label: 'participants.colEmail' },
  { field: 'gender', label: 'participants.colGender' },
  { field: 'role', label: 'participants.colRole' },
];

const filledCount = (p: Participant) => ROWS.filter((r) => p[r.field] !== '').length;

/**
 * Two records of one person side by side; the user picks the one that stays. The store moves the
 * other's check-ins and signatures to it and fills its empty fields from the other.
 */
interface Props {
  pair: [Participant, Participant];
  onClose(): void;
  onMerged(): void;
}

export function MergeDialog({ pair, onClose, onMerged }: Props) {
  const t = useT();
  const toast = useApp((s) => s.toast);
  // The fuller record is the likelier survivor; on a tie, the one registered first.
  const [keep, setKeep] = useState(() => {
    const [a, b] = pair;
    const diff = filledCount(b) - filledCount(a);
    return diff > 0 || (diff === 0 && b.createdAt < a.createdAt) ? b.id : a.id;
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const survivor = pair.find((p) => p.id === keep)!;
  const other = pair.find((p) => p.id !== keep)!;

  const show = (p: Participant, field: keyof Participant): string => {
    const v = p[field];
    if (v === '') return t('participants.emptyValue');
    if (field === 'nip') return formatNip(v);
    if (field === 'phone') return maskPhone(v);
    if (field === 'role') return t(roleKey(p.role));
    if (field === 'gender') return t(genderKey(p.gender));
    return v;
  };

  const merge = async () => {
    setBusy(true);
    setFailure(null);
    const r = await call('participants.merge', { survivorId: survivor.id, duplicateId: other.id });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error.message);
      return;
    }
    toast({ text: t('participants.merged', { name: r.value.name }) });
    onMerged();
  };

  return (
    <Modal
      wide
      title={t('participants.mergeTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void merge()}>
            {t('participants.mergeConfirm')}
          </button>
        </>
      }
    >
      <p className="p-modal__intro">{t('participants.mergeIntro')}</p>
      <table className="p-merge">
        <thead>
          <tr>
            <th scope="col" className="p-merge__label">
              {t('participants.mergeField')}
            </th>
            {pair.map((p) => (
              <th scope="col" key={p.id} className={p.id === keep ? 'is-kept' : ''}>
                <label className="p-merge__choice">
                  <input
                    type="radio"
                    name="survivor"
                    value={p.id}
                    checked={p.id === keep}
                    onChange={() => setKeep(p.id)}
                  />
                  <span>{t('participants.mergeKeep')}</span>
                </label>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ field, label }) => {
            const differs = pair[0][field] !== '' && pair[1][field] !== '' && pair[0][field] !== pair[1][field];
            return (
              <tr key={field} className={differs ? 'p-merge__differs' : undefined}>
                <th scope="row" className="p-merge__label">
                  {t(label)}
                  {differs && <span className="p-merge__flag">{t('participants.mergeDiffers')}</span>}
                </th>
                {pair.map((p) => {
                  const fills = p.id === keep && p[field] === '' && other[field] !== '';
                  return (
                    <td key={p.id} className={p.id === keep ? 'is-kept' : 'is-dropped'}>
                      {fills ? (
                        <>
                          <span>{show(other, field)}</span>
                          <span className="p-merge__fill">{t('participants.mergeFilled')}</span>
                        </>
                      ) : (
                        <span className={p[field] === '' ? 'muted' : undefined}>{show(p, field)}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="p-note p-note--warn">{t('participants.mergeWarning')}</p>
      {failure && (
        <p className="banner banner--error" role="alert">
          {failure}
        </p>
      )}
    </Modal>
  );
}

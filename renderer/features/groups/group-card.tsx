import { useEffect, useState, type ReactNode } from 'react';
import { DIMENSIONS } from '../../../shared/dimensions';
import type { TimeZone } from '../../../shared/domain';
import { formatInstantTime } from '../../../shared/format';
import { GroupPatch, type Group, type GroupDevice, type GroupsDay } from '../../../shared/groups';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SaveIndicator } from '../../components/fields';
import { useErrorText, useLanguage, useT, useValidationText } from '../../i18n';
import { call } from '../../lib/api';
import { useAutosave } from '../../lib/use-autosave';

interface CardValues {
  name: string;
  topic: string;
  facilitator: string;
  rapporteurId: string | null;
}

const isDimension = (topic: string) => DIMENSIONS.some((d) => d.id === topic);
const OTHER = '__other__';

/**
 * One group: its name, topic (a dimension or free text), facilitator and juru bicara, each saved
 * as typed (drafts kept on this device until the store has them), its members (from the board),
 * and the devices paired with it.
 */
export function GroupCard(props: {
  group: Group;
  day: GroupsDay;
  workshopId: string;
  zone: TimeZone;
  members: ReactNode;
}) {
  const { group, day } = props;
  const t = useT();
  const v = useValidationText();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [confirming, setConfirming] = useState(false);
  const form = useAutosave<CardValues>({
    draftKey: `group:${group.id}`,
    saved: group,
    schema: GroupPatch,
    save: (patch) => call('groups.update', { id: group.id, patch }),
  });
  const values = form.values!;
  const [freeTopic, setFreeTopic] = useState(() => values.topic !== '' && !isDimension(values.topic));
  const id = (k: string) => `group-${group.id}-${k}`;
  const people = new Map(day.candidates.map((c) => [c.id, c]));

  const remove = async () => {
    setConfirming(false);
    await form.flush();
    const r = await call('groups.delete', { id: group.id });
    if (!r.ok) return toast({ text: errorText(r.error) });
    toast({
      text: t('groups.deleted', { name: group.name }),
      action: { label: t('app.undo'), run: () => void call('groups.restore', { id: group.id }) },
    });
  };

  const err = form.errors.name ? v(form.errors.name) : undefined;
  return (
    <article className="group-card" aria-labelledby={id('heading')}>
      <h3 className="visually-hidden" id={id('heading')}>
        {values.name || group.name}
      </h3>
      <div className="group-card__head">
        <label className="visually-hidden" htmlFor={id('name')}>
          {t('groups.name')}
        </label>
        <input
          id={id('name')}
          className="group-card__name"
          value={values.name}
          maxLength={120}
          aria-invalid={!!err}
          aria-describedby={err ? id('name-error') : undefined}
          onChange={(ev) => form.setField('name', ev.target.value)}
          onBlur={() => void form.flush()}
        />
        <button
          type="button"
          className="btn btn--ghost btn--small btn--danger-text"
          aria-label={t('groups.deleteNamed', { name: group.name })}
          title={t('groups.deleteNamed', { name: group.name })}
          onClick={() => setConfirming(true)}
        >
          {t('groups.delete')}
        </button>
      </div>
      {err && (
        <p className="field__error" id={id('name-error')} role="alert">
          {err}
        </p>
      )}
      <div className="group-card__fields">
        <label htmlFor={id('topic')}>{t('groups.topic')}</label>
        <select
          id={id('topic')}
          value={freeTopic ? OTHER : values.topic}
          onChange={(ev) => {
            if (ev.target.value === OTHER) {
              setFreeTopic(true);
              if (isDimension(values.topic)) form.setField('topic', '');
            } else {
              setFreeTopic(false);
              form.setField('topic', ev.target.value);
            }
          }}
          onBlur={() => void form.flush()}
        >
          <option value="">{t('groups.topicNone')}</option>
          {DIMENSIONS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name[lang]}
            </option>
          ))}
          <option value={OTHER}>{t('groups.topicOther')}</option>
        </select>
        {freeTopic && (
          <>
            <label className="visually-hidden" htmlFor={id('topic-free')}>
              {t('groups.topicFree')}
            </label>
            <input
              id={id('topic-free')}
              className="group-card__free"
              placeholder={t('groups.topicFree')}
              value={values.topic}
              maxLength={200}
              onChange={(ev) => form.setField('topic', ev.target.value)}
              onBlur={() => void form.flush()}
            />
          </>
        )}
        <label htmlFor={id('rapporteur')}>{t('groups.rapporteur')}</label>
        <select
          id={id('rapporteur')}
          value={values.rapporteurId ?? ''}
          onChange={(ev) => form.setField('rapporteurId', ev.target.value || null)}
          onBlur={() => void form.flush()}
        >
          <option value="">{t('groups.rapporteurNone')}</option>
          {group.memberIds.map((m) => (
            <option key={m} value={m}>
              {people.get(m)?.name ?? m}
            </option>
          ))}
        </select>
        <label htmlFor={id('facilitator')}>{t('groups.facilitator')}</label>
        <input
          id={id('facilitator')}
          value={values.facilitator}
          maxLength={120}
          onChange={(ev) => form.setField('facilitator', ev.target.value)}
          onBlur={() => void form.flush()}
        />
      </div>
      {form.status !== 'idle' && <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />}
      <div className="group-card__members">
        <p className="group-card__label">{t('groups.members', { count: group.memberIds.length })}</p>
        {props.members}
      </div>
      <DevicesPanel group={group} workshopId={props.workshopId} dayId={day.dayId} zone={props.zone} />
      {confirming && (
        <ConfirmDialog
          text={t('groups.deleteConfirm', { name: group.name })}
          confirmLabel={t('groups.delete')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </article>
  );
}

/** The group's pairing code (made on request, shown large with its expiry) and its paired devices. */
function DevicesPanel({
  group,
  workshopId,
  dayId,
  zone,
}: {
  group: Group;
  workshopId: string;
  dayId: string;
  zone: TimeZone;
}) {
  const t = useT();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const [revoking, setRevoking] = useState<GroupDevice | null>(null);
  const [busy, setBusy] = useState(false);
  const pairing = group.pairing;
  const now = useNow(15_000);
  const live = pairing && new Date(pairing.expiresAt).getTime() > now;

  const makeCode = async () => {
    setBusy(true);
    const r = await call('groups.pairCode', { id: group.id });
    setBusy(false);
    if (!r.ok) toast({ text: errorText(r.error) });
  };
  const showOnProjector = async () => {
    const r = await call('projector.set', { workshopId, patch: { mode: 'pairing', dayId } });
    toast({ text: r.ok ? t('groups.codesShown') : errorText(r.error) });
  };
  const revoke = async (device: GroupDevice) => {
    setRevoking(null);
    const r = await call('groups.revokeDevice', { deviceId: device.id });
    toast({
      text: r.ok ? t('groups.revoked', { label: device.label || t('groups.deviceUnnamed') }) : errorText(r.error),
    });
  };

  return (
    <section className="devices" aria-label={t('groups.devicesOf', { name: group.name })}>
      <div className="devices__head">
        <span className="group-card__label">{t('groups.devices', { count: group.devices.length })}</span>
        <button type="button" className="btn btn--small" disabled={busy} onClick={() => void makeCode()}>
          {live ? t('groups.newCode') : t('groups.pairCode')}
        </button>
      </div>
      {live && (
        <div className="devices__code">
          <span className="pair-code" aria-label={t('groups.codeLabel', { code: pairing.code.split('').join(' ') })}>
            {pairing.code}
          </span>
          <span className="muted">{t('groups.codeValid', { time: formatInstantTime(pairing.expiresAt, zone) })}</span>
          <button type="button" className="btn btn--small" onClick={() => void showOnProjector()}>
            {t('groups.showCodes')}
          </button>
        </div>
      )}
      {group.devices.length > 0 && (
        <ul className="devices__list">
          {group.devices.map((d) => (
            <li key={d.id}>
              <span className="devices__label">{d.label || t('groups.deviceUnnamed')}</span>
              <span className="muted">
                {d.lastSeenAt
                  ? t('groups.lastSeen', { time: formatInstantTime(d.lastSeenAt, zone) })
                  : t('groups.neverSeen')}
              </span>
              <button
                type="button"
                className="btn btn--ghost btn--small btn--danger-text"
                aria-label={t('groups.revokeNamed', { label: d.label || t('groups.deviceUnnamed') })}
                onClick={() => setRevoking(d)}
              >
                {t('groups.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {revoking && (
        <ConfirmDialog
          text={t('groups.revokeConfirm', { label: revoking.label || t('groups.deviceUnnamed') })}
          confirmLabel={t('groups.revoke')}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
    </section>
  );
}

/** The time now, refreshed this often (a pairing code stops being shown when it expires). */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

const BULLETS = '••••';

/**
 * A phone number as lists show it: "0812••••7890". Phone numbers are personal data (UU 27/2022),
 * so every list masks them; only the edit form shows the full number. The mask always has four
 * dots whatever the length, so it does not tell how long the number is.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits === '') return '';
  if (digits.length >= 10) return `${digits.slice(0, 4)}${BULLETS}${digits.slice(-4)}`;
  if (digits.length >= 6) return `${digits.slice(0, 2)}${BULLETS}${digits.slice(-2)}`;
  return BULLETS;
}

/** An NIP as the projector may show it: the first eight digits (birth date) hidden. */
export function maskNip(nip: string): string {
  const digits = nip.replace(/\D/g, '');
  if (digits === '') return '';
  return `${BULLETS}${digits.slice(-4)}`;
}

type Viewer = 'facilitator' | 'projector' | 'kiosk' | 'room-device' | 'group-device';

/**
 * A register entry as a caller of `role` may see it. The facilitator sees everything; the self
 * check-in screens (kiosk, room device) get phone numbers and NIPs masked (the last digits stay, so
 * a person can still be found by them) and no e-mail; the projector gets no contact data.
 */
export function participantFor<P extends { phone: string; email: string; nip: string }>(role: Viewer, p: P): P {
  if (role === 'facilitator') return p;
  if (role === 'projector' || role === 'group-device') return { ...p, phone: '', email: '', nip: maskNip(p.nip) };
  return { ...p, phone: maskPhone(p.phone), email: '', nip: maskNip(p.nip) };
}

/** A workshop as a caller of `role` may see it: NIPs of the chair and note-taker only for the facilitator. */
export function workshopFor<W extends { chairNip: string; noteTakerNip: string }>(role: Viewer, w: W): W {
  if (role === 'facilitator') return w;
  return { ...w, chairNip: maskNip(w.chairNip), noteTakerNip: maskNip(w.noteTakerNip) };
}

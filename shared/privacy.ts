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

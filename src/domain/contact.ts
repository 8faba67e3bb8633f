/**
 * A citizen's contact for sign-in: an email address or an Indonesian mobile number. Numbers are
 * written many ways (0812-3456-7890, +62 812 3456 7890, 62812…); they are normalised to E.164
 * (+62812…) so one person has one account whichever way they type it. Mobile numbers start with
 * 8 after the country code and have 9 to 12 digits after it (08xx-xxxx-xxxx: 10 to 13 digits).
 */
export type Contact = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

export type ContactError = 'empty' | 'invalid_email' | 'invalid_phone' | 'not_mobile';

// Deliberately plain: one @, no spaces, a dot in the domain. Whether it exists is proved by the code.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** The normalised contact, or why it is not one. */
export function parseContact(input: string): { ok: true; contact: Contact } | { ok: false; reason: ContactError } {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'empty' };
  if (raw.includes('@')) {
    const value = raw.toLowerCase();
    return EMAIL.test(value) && value.length <= 254 ? { ok: true, contact: { kind: 'email', value } } : { ok: false, reason: 'invalid_email' };
  }
  const phone = normalisePhone(raw);
  if (phone.ok) return { ok: true, contact: { kind: 'phone', value: phone.value } };
  return { ok: false, reason: phone.reason };
}

/** `0812-3456-7890`, `+62 812 3456 7890`, `62812…` → `+6281234567890`. */
export function normalisePhone(input: string): { ok: true; value: string } | { ok: false; reason: 'invalid_phone' | 'not_mobile' } {
  const compact = input.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'invalid_phone' };
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('+')) return { ok: false, reason: 'not_mobile' };
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return { ok: false, reason: 'invalid_phone' };
  if (national.startsWith('0')) national = national.slice(1); // +62 0812… is a common slip
  if (!national.startsWith('8')) return { ok: false, reason: 'not_mobile' };
  if (national.length < 9 || national.length > 12) return { ok: false, reason: 'invalid_phone' };
  return { ok: true, value: `+62${national}` };
}

/** What a person recognises of their own contact: `an•••@mail.com`, `+62812•••••890`. */
export function maskContact(c: Contact): string {
  if (c.kind === 'phone') return c.value.slice(0, 6) + '•'.repeat(Math.max(0, c.value.length - 9)) + c.value.slice(-3);
  const [user, domain] = c.value.split('@');
  return `${user.slice(0, 2)}${'•'.repeat(Math.max(1, user.length - 2))}@${domain}`;
}

export const contactMessages: Record<ContactError, { id: string; en: string }> = {
  empty: { id: 'Isi alamat email atau nomor HP.', en: 'Enter an email address or a mobile number.' },
  invalid_email: { id: 'Alamat email tidak valid.', en: 'The email address is not valid.' },
  invalid_phone: { id: 'Nomor HP tidak valid (contoh: 0812-3456-7890).', en: 'The mobile number is not valid (e.g. 0812-3456-7890).' },
  not_mobile: { id: 'Gunakan nomor HP Indonesia (diawali 08 atau +628).', en: 'Use an Indonesian mobile number (starting 08 or +628).' },
};

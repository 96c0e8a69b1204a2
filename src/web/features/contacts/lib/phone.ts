import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** "+62 812-3456-7890" for a stored E.164 number. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** A WhatsApp chat link for a number (the school and hospital work WhatsApp-first). */
export function whatsappLink(e164: string): string {
  return `https://wa.me/${e164.replace(/\D/g, '')}`;
}

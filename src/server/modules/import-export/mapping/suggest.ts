import type { ImportField } from '../../../../shared/contracts/import-export.js';
import { looseKey } from '../values/scalars.js';

// Which field a column is, from its header: what this workspace mapped that header to before, a
// recognized export format (Google Contacts, HubSpot, our vCard reader), or the English and
// Indonesian words people use for it.

const WORDS: Record<string, string[]> = {
  fullName: [
    'name',
    'full name',
    'nama',
    'nama lengkap',
    'contact name',
    'nama kontak',
    'display name',
    'nama orang tua',
    'nama wali',
  ],
  firstName: ['first name', 'firstname', 'given name', 'nama depan', 'nama awal', 'nama panggilan'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'nama belakang', 'nama keluarga'],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'alamat email',
    'surel',
    'surat elektronik',
    'email 2',
    'secondary email',
  ],
  phone: [
    'phone',
    'phone number',
    'mobile',
    'mobile phone',
    'mobile phone number',
    'cell',
    'telephone',
    'hp',
    'no hp',
    'nomor hp',
    'no. hp',
    'nomor handphone',
    'handphone',
    'ponsel',
    'telepon',
    'telp',
    'no telp',
    'nomor telepon',
    'whatsapp',
    'wa',
    'no wa',
    'nomor wa',
    'nomor whatsapp',
    'phone 2',
    'hp orang tua',
    'no hp orang tua',
  ],
  company: [
    'company',
    'company name',
    'organization',
    'organisation',
    'organization name',
    'perusahaan',
    'nama perusahaan',
    'instansi',
    'kantor',
    'account',
    'account name',
  ],
  typeKey: ['type', 'contact type', 'tipe', 'tipe kontak', 'jenis', 'jenis kontak', 'kategori kontak'],
  sourceKey: ['source', 'lead source', 'sumber', 'sumber lead', 'sumber kontak', 'asal'],
  owner: [
    'owner',
    'contact owner',
    'deal owner',
    'assigned to',
    'pemilik',
    'penanggung jawab',
    'pic',
    'sales',
    'petugas',
  ],
  team: ['team', 'tim'],
  tags: ['tags', 'tag', 'labels', 'label', 'group', 'groups', 'grup', 'kelompok'],
  birthday: ['birthday', 'birth date', 'date of birth', 'dob', 'tanggal lahir', 'tgl lahir', 'ulang tahun'],
  gender: ['gender', 'sex', 'jenis kelamin', 'kelamin'],
  preferredLanguage: ['language', 'preferred language', 'bahasa'],
  doNotContact: ['do not contact', 'dnc', 'unsubscribed', 'jangan dihubungi', 'opt out'],
  'address.line1': ['address', 'street', 'street address', 'address line 1', 'alamat', 'alamat rumah', 'jalan'],
  'address.line2': ['address line 2', 'alamat 2'],
  'address.city': ['city', 'town', 'kota', 'kabupaten', 'kota kabupaten', 'kab kota'],
  'address.region': ['state', 'province', 'region', 'state region', 'province state', 'provinsi'],
  'address.postalCode': ['zip', 'zip code', 'postal code', 'postcode', 'kode pos'],
  'address.country': ['country', 'country region', 'negara'],
  externalId: ['external id', 'record id', 'contact id', 'id eksternal', 'student id', 'nis', 'nisn', 'id siswa'],
  name: ['company name', 'name', 'nama', 'nama perusahaan', 'organization', 'perusahaan'],
  domain: ['domain', 'website', 'company domain name', 'situs', 'situs web', 'web'],
  industry: ['industry', 'industri', 'bidang usaha', 'sektor'],
  size: ['size', 'company size', 'number of employees', 'employees', 'ukuran', 'jumlah karyawan'],
  title: ['title', 'deal name', 'deal title', 'name', 'judul', 'nama deal', 'subject', 'subjek', 'kegiatan'],
  value: ['value', 'amount', 'deal value', 'nilai', 'jumlah', 'nominal', 'harga'],
  stage: ['stage', 'deal stage', 'pipeline stage', 'tahap', 'tahapan', 'status tahap'],
  probability: ['probability', 'probabilitas', 'peluang'],
  expectedCloseDate: [
    'close date',
    'expected close date',
    'tanggal tutup',
    'perkiraan tanggal tutup',
    'target tanggal',
  ],
  contactEmail: ['contact email', 'email kontak', 'email', 'e-mail', 'associated email'],
  contactPhone: [
    'contact phone',
    'hp kontak',
    'phone',
    'mobile',
    'hp',
    'no hp',
    'nomor hp',
    'whatsapp',
    'wa',
    'no wa',
    'telepon',
    'telp',
  ],
  contactExternalId: ['contact external id', 'contact id', 'record id', 'nis', 'nisn', 'id siswa'],
  source: ['source', 'sumber'],
  closeReason: ['close reason', 'won reason', 'lost reason', 'won lost reason', 'alasan', 'alasan tutup'],
  type: ['type', 'activity type', 'tipe', 'jenis', 'jenis aktivitas', 'tipe aktivitas'],
  description: ['description', 'notes', 'note', 'deskripsi', 'keterangan', 'catatan'],
  status: ['status'],
  occurredAt: [
    'date',
    'date time',
    'date and time',
    'activity date',
    'tanggal',
    'waktu',
    'tanggal aktivitas',
    'tanggal dan waktu',
  ],
  durationMinutes: ['duration', 'duration minutes', 'durasi', 'durasi menit'],
  outcome: ['outcome', 'result', 'hasil'],
  outcomeNote: ['outcome note', 'catatan hasil'],
  nextAction: ['next action', 'next step', 'tindak lanjut', 'langkah berikutnya'],
  nextActionAt: ['next action date', 'follow up date', 'tanggal tindak lanjut'],
};

const GOOGLE: Array<[RegExp, string | null]> = [
  [/^(given name|first name)$/i, 'firstName'],
  [/^(family name|last name)$/i, 'lastName'],
  [/^name$/i, 'fullName'],
  [/^e-mail \d+ - value$/i, 'email'],
  [/^phone \d+ - value$/i, 'phone'],
  [/^(organization 1 - name|organization name)$/i, 'company'],
  [/^(group membership|labels)$/i, 'tags'],
  [/^birthday$/i, 'birthday'],
  [/^gender$/i, 'gender'],
  [/^address 1 - (street|formatted)$/i, 'address.line1'],
  [/^address 1 - city$/i, 'address.city'],
  [/^address 1 - region$/i, 'address.region'],
  [/^address 1 - postal code$/i, 'address.postalCode'],
  [/^address 1 - country$/i, 'address.country'],
];
const HUBSPOT: Array<[RegExp, string | null]> = [
  [/^record id$/i, 'externalId'],
  [/^first name$/i, 'firstName'],
  [/^last name$/i, 'lastName'],
  [/^email$/i, 'email'],
  [/^(phone number|mobile phone number)$/i, 'phone'],
  [/^(company name|associated company)$/i, 'company'],
  [/^contact owner$/i, 'owner'],
  [/^street address$/i, 'address.line1'],
  [/^city$/i, 'address.city'],
  [/^state\/region$/i, 'address.region'],
  [/^postal code$/i, 'address.postalCode'],
  [/^country\/region$/i, 'address.country'],
  [/^job title$/i, 'custom.job_title'],
];

export type Preset = 'google_contacts' | 'hubspot' | 'vcard';

/** Recognizes the exports people bring most: Google Contacts CSV, HubSpot contacts, vCard. */
export function detectPreset(format: string, headers: string[]): Preset | null {
  if (format === 'vcf') return 'vcard';
  const has = (re: RegExp) => headers.some((h) => re.test(h.trim()));
  if (has(/^e-mail \d+ - value$/i) || has(/^phone \d+ - value$/i) || (has(/^given name$/i) && has(/^family name$/i)))
    return 'google_contacts';
  if (has(/^record id$/i) && (has(/^lifecycle stage$/i) || has(/^contact owner$/i) || has(/^create date$/i)))
    return 'hubspot';
  return null;
}

/** The external system a preset's ids come from. */
export const PRESET_SYSTEM: Partial<Record<Preset, string>> = { hubspot: 'hubspot', google_contacts: 'google' };

const VCARD: Record<string, string> = {
  'Full name': 'fullName',
  'First name': 'firstName',
  'Last name': 'lastName',
  Email: 'email',
  'Email 2': 'email',
  'Email 3': 'email',
  Phone: 'phone',
  'Phone 2': 'phone',
  'Phone 3': 'phone',
  Organization: 'company',
  Birthday: 'birthday',
  Street: 'address.line1',
  City: 'address.city',
  Region: 'address.region',
  'Postal code': 'address.postalCode',
  Country: 'address.country',
  Categories: 'tags',
};

function presetField(preset: Preset | null, header: string): string | null | undefined {
  if (preset === 'vcard') return VCARD[header] ?? null;
  const rules = preset === 'google_contacts' ? GOOGLE : preset === 'hubspot' ? HUBSPOT : null;
  if (!rules) return undefined;
  const hit = rules.find(([re]) => re.test(header.trim()));
  return hit ? hit[1] : null;
}

const INDEX = new Map<string, string[]>();
for (const [field, words] of Object.entries(WORDS))
  for (const w of words) INDEX.set(looseKey(w), [...(INDEX.get(looseKey(w)) ?? []), field]);

/**
 * A field per column (or null). Single-value fields go to the first column that claims them;
 * `remembered` (header key -> field) is what this workspace chose for these headers before.
 */
export function suggestMapping(
  headers: string[],
  fields: ImportField[],
  preset: Preset | null,
  remembered: Map<string, string>,
): Array<string | null> {
  const available = new Map(fields.map((fd) => [fd.key, fd]));
  const byLabel = new Map(
    fields.filter((fd) => fd.key.startsWith('custom.')).map((fd) => [looseKey(fd.label), fd.key]),
  );
  const taken = new Set<string>();
  const claim = (key: string | null | undefined): string | null => {
    if (!key || !available.has(key)) return null;
    if (taken.has(key) && !available.get(key)!.isMultiple) return null;
    taken.add(key);
    return key;
  };
  return headers.map((header) => {
    const key = looseKey(header);
    if (!key) return null;
    if (remembered.has(key)) return claim(remembered.get(key));
    const fromPreset = presetField(preset, header);
    if (fromPreset !== undefined) return claim(fromPreset);
    const candidates = [
      ...(INDEX.get(key) ?? []),
      ...(available.has(header) ? [header] : []),
      ...(byLabel.has(key) ? [byLabel.get(key)!] : []),
      ...(available.has(`custom.${key}`) ? [`custom.${key}`] : []),
    ];
    for (const c of candidates) {
      const got = claim(c);
      if (got) return got;
    }
    return null;
  });
}

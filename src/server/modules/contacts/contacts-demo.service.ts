import type { TemplateKey } from '../../../shared/contracts/workspaces.js';
import { systemActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { createCompany } from './companies.service.js';
import { createContact } from './contacts.service.js';
import { addExternalLink } from './external-links.service.js';
import { createNote } from './notes.service.js';
import { addCompanyRelationship, addRelationship } from './relationships.service.js';
import { listTags } from './tags.service.js';

type Person = [
  first: string,
  last: string,
  phone: string,
  type: string,
  source: string,
  owner: 'manager' | 'agent' | 'admin',
  tags?: string[],
  custom?: Record<string, unknown>,
];

const SCHOOL: Person[] = [
  [
    'Siti',
    'Rahmawati',
    '0812-3456-7890',
    'student_parent',
    'parent_referral',
    'agent',
    ['Asrama'],
    { grade_interest: 'smp', children_count: 2, needs_dormitory: true },
  ],
  [
    'Budi',
    'Santoso',
    '0813-2211-4455',
    'student_parent',
    'walk_in',
    'agent',
    ['Komite sekolah'],
    { grade_interest: 'smp', children_count: 2 },
  ],
  [
    'Dewi',
    'Lestari',
    '0857-1122-3344',
    'prospect_parent',
    'website',
    'agent',
    ['Beasiswa'],
    { grade_interest: 'sma', needs_dormitory: true },
  ],
  [
    'Agus',
    'Pratama',
    '0821-9988-7766',
    'prospect_parent',
    'whatsapp',
    'manager',
    ['Perlu tindak lanjut'],
    { grade_interest: 'sd' },
  ],
  ['Nur', 'Hidayah', '0811-2020-3030', 'prospect_parent', 'education_fair', 'agent', [], { grade_interest: 'smp' }],
  [
    'Rina',
    'Wulandari',
    '0852-4455-6677',
    'student_parent',
    'social_media',
    'manager',
    ['Asrama'],
    { grade_interest: 'sma', children_count: 1, needs_dormitory: true },
  ],
  ['Hendra', 'Gunawan', '0878-3344-5566', 'alumni_parent', 'alumni', 'admin', ['Komite sekolah']],
  [
    'Yuliana',
    'Putri',
    '0819-5566-7788',
    'prospect_parent',
    'parent_referral',
    'agent',
    ['Beasiswa', 'Perlu tindak lanjut'],
    { grade_interest: 'sma' },
  ],
  [
    'Fajar',
    'Nugroho',
    '0812-7788-9900',
    'student_parent',
    'website',
    'manager',
    [],
    { grade_interest: 'sd', children_count: 3 },
  ],
  [
    'Wahyu',
    'Hidayat',
    '0815-6677-8899',
    'prospect_parent',
    'whatsapp',
    'manager',
    [],
    { grade_interest: 'smp', needs_dormitory: true },
  ],
  ['Ratna', 'Sari', '0856-1234-9876', 'alumni_parent', 'alumni', 'admin', []],
  ['Andi', 'Wijaya', '0813-8765-4321', 'external', 'other', 'admin', []],
  ['Lina', 'Marlina', '0822-3344-1122', 'prospect_parent', 'social_media', 'agent', [], { grade_interest: 'sd' }],
  [
    'Eko',
    'Saputra',
    '0817-9090-8080',
    'student_parent',
    'walk_in',
    'manager',
    ['Asrama'],
    { grade_interest: 'sma', children_count: 1 },
  ],
  [
    'Maya',
    'Anggraini',
    '0838-5050-6060',
    'prospect_parent',
    'website',
    'agent',
    ['Beasiswa'],
    { grade_interest: 'smp' },
  ],
  ['Siti', 'Rahmawaty', '+62 812 3456 7890', 'prospect_parent', 'whatsapp', 'manager', [], { grade_interest: 'smp' }],
];

const HOSPITAL: Person[] = [
  [
    'Bambang',
    'Susilo',
    '0812-1111-2222',
    'patient',
    'doctor_referral',
    'agent',
    ['VIP', 'Heart checkup'],
    { insurance: 'private', interest: ['cardiology'], medical_record_no: 'RM-000184' },
  ],
  [
    'Sri',
    'Mulyani',
    '0813-3333-4444',
    'lead',
    'website',
    'agent',
    ['Heart checkup'],
    { insurance: 'bpjs', interest: ['checkup'] },
  ],
  ['Joko', 'Widodo', '0857-5555-6666', 'lead', 'phone_call', 'manager', [], { interest: ['orthopedics'] }],
  [
    'Ayu',
    'Kartika',
    '0821-7777-8888',
    'patient',
    'walk_in',
    'agent',
    [],
    { insurance: 'bpjs', interest: ['maternity'], medical_record_no: 'RM-000231' },
  ],
  [
    'Rudi',
    'Hartono',
    '0811-9999-0000',
    'lead',
    'corporate',
    'manager',
    ['Corporate'],
    { insurance: 'private', interest: ['checkup'] },
  ],
  ['Indah', 'Permata', '0852-1212-3434', 'lead', 'social_media', 'agent', [], { interest: ['maternity'] }],
  [
    'Teguh',
    'Prasetyo',
    '0878-5656-7878',
    'patient',
    'patient_referral',
    'manager',
    ['VIP'],
    { insurance: 'self_pay', medical_record_no: 'RM-000305' },
  ],
  ['Fitri', 'Handayani', '0819-2323-4545', 'lead', 'google_ads', 'agent', [], { interest: ['checkup', 'cardiology'] }],
  [
    'Dedi',
    'Kurniawan',
    '0812-6767-8989',
    'lead',
    'health_camp',
    'manager',
    ['Heart checkup'],
    { interest: ['cardiology'] },
  ],
  ['Nina', 'Susanti', '0815-4545-6767', 'lead', 'whatsapp', 'agent', [], { interest: ['maternity'] }],
  [
    'Hadi',
    'Purnomo',
    '0856-8989-1010',
    'patient',
    'email_inquiry',
    'admin',
    ['do-not-contact'],
    { insurance: 'bpjs', medical_record_no: 'RM-000412' },
  ],
  ['Lestari', 'Wibowo', '0813-1010-2020', 'lead', 'corporate', 'manager', ['Corporate'], { interest: ['checkup'] }],
];

const SALES: Person[] = [
  [
    'Olivia',
    'Bennett',
    '+1 415 555 0134',
    'customer',
    'referral',
    'manager',
    ['Decision maker'],
    { job_title: 'VP Operations' },
  ],
  ['Marcus', 'Chen', '+1 212 555 0178', 'lead', 'website', 'agent', ['Hot'], { job_title: 'Head of IT' }],
  ['Sofia', 'Alvarez', '+1 305 555 0112', 'lead', 'event', 'agent', [], { job_title: 'Procurement lead' }],
  [
    'James',
    'Okafor',
    '+1 646 555 0190',
    'partner',
    'partner',
    'manager',
    ['Newsletter'],
    { job_title: 'Partner manager' },
  ],
  ['Emma', 'Schultz', '+1 617 555 0145', 'customer', 'inbound_call', 'agent', ['Decision maker'], { job_title: 'CFO' }],
  ['Daniel', 'Kim', '+1 206 555 0123', 'lead', 'linkedin', 'agent', ['Hot'], { job_title: 'Engineering manager' }],
  ['Priya', 'Nair', '+1 408 555 0167', 'lead', 'outbound', 'manager', [], { job_title: 'COO' }],
  [
    'Lucas',
    'Moreau',
    '+1 312 555 0156',
    'customer',
    'referral',
    'admin',
    ['Newsletter'],
    { job_title: 'Director of Sales' },
  ],
  ['Hannah', 'Weiss', '+1 503 555 0188', 'lead', 'website', 'agent', [], { job_title: 'Office manager' }],
  ['Noah', 'Fischer', '+1 720 555 0101', 'partner', 'partner', 'manager', [], { job_title: 'Alliances' }],
];

const PEOPLE: Record<TemplateKey, Person[]> = { school: SCHOOL, hospital: HOSPITAL, sales: SALES, blank: [] };
const COMPANIES: Record<
  TemplateKey,
  Array<{ name: string; domain: string; industry: string; size: '11-50' | '51-200' | '201-500' | '1001-5000' }>
> = {
  school: [
    { name: 'PT Sinar Harapan Nusantara', domain: 'sinarharapan.co.id', industry: 'Manufacturing', size: '201-500' },
    { name: 'Koperasi Guru Sejahtera', domain: 'kopgurusejahtera.id', industry: 'Education', size: '11-50' },
  ],
  hospital: [
    { name: 'PT Bank Mandiri Sejahtera', domain: 'mandirisejahtera.co.id', industry: 'Banking', size: '1001-5000' },
    { name: 'PT Maju Bersama Logistik', domain: 'majubersama.co.id', industry: 'Logistics', size: '201-500' },
  ],
  sales: [
    { name: 'Northwind Holdings', domain: 'northwind.example', industry: 'Conglomerate', size: '1001-5000' },
    { name: 'Northwind Retail', domain: 'retail.northwind.example', industry: 'Retail', size: '201-500' },
    { name: 'Contoso Analytics', domain: 'contoso.example', industry: 'Software', size: '51-200' },
  ],
  blank: [],
};

const EMAIL_DOMAIN: Record<TemplateKey, string> = {
  school: 'gmail.com',
  hospital: 'yahoo.co.id',
  sales: 'example.com',
  blank: 'example.com',
};

/**
 * A realistic handful of companies and contacts (with tags, notes, relationships and external
 * links) so a fresh demo workspace is not empty. Owners are the demo users by role.
 */
export async function seedDemoContacts(
  ctx: AppContext,
  workspaceId: string,
  template: TemplateKey,
  userIdsByRole: Record<string, string>,
): Promise<{ contactIds: string[]; companyIds: string[] }> {
  const actor = systemActor(workspaceId, 'demo data');
  const tags = new Map((await listTags(ctx, workspaceId)).map((t) => [t.name, t.id]));
  const companyIds: string[] = [];
  for (const c of COMPANIES[template])
    companyIds.push((await createCompany(ctx, actor, { ...c, ownerId: userIdsByRole.manager ?? null })).id);
  if (template === 'sales' && companyIds.length >= 2)
    await addCompanyRelationship(ctx, actor, companyIds[0], {
      relatedCompanyId: companyIds[1],
      kind: 'parent_company',
      strength: 9,
    });
  const contactIds: string[] = [];
  for (const [i, [first, last, phone, type, source, owner, tagNames, custom]] of PEOPLE[template].entries()) {
    const email =
      `${first}.${last}${i % 3 === 0 ? '' : i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + `@${EMAIL_DOMAIN[template]}`;
    const created = await createContact(ctx, actor, {
      firstName: first,
      lastName: last,
      typeKey: type,
      sourceKey: source,
      ownerId: userIdsByRole[owner] ?? null,
      companyId: companyIds.length && i % 4 === 1 ? companyIds[i % companyIds.length] : undefined,
      emails: [{ email }],
      phones: [{ number: phone, label: 'WhatsApp' }],
      address:
        template === 'sales'
          ? { city: 'San Francisco', country: 'US' }
          : { city: ['Jakarta', 'Bandung', 'Bogor', 'Depok', 'Bekasi'][i % 5], country: 'ID' },
      gender: i % 2 === 0 ? 'female' : 'male',
      preferredLanguage: template === 'sales' ? 'en' : 'id',
      custom: custom ?? {},
      tagIds: (tagNames ?? []).map((n) => tags.get(n)).filter((x): x is string => Boolean(x)),
    });
    contactIds.push(created.id);
  }
  if (template === 'school' && contactIds.length > 8) {
    await addRelationship(ctx, actor, contactIds[0], { relatedContactId: contactIds[1], kind: 'spouse', strength: 10 });
    await addRelationship(ctx, actor, contactIds[2], {
      relatedContactId: contactIds[0],
      kind: 'referred_by',
      strength: 7,
      note: 'Anak Bu Siti merekomendasikan sekolah',
    });
    await addRelationship(ctx, actor, contactIds[7], {
      relatedContactId: contactIds[2],
      kind: 'referred_by',
      strength: 5,
    });
    for (const [idx, studentId, name, grade] of [
      [0, 'S-2024-0117', 'Aisyah Rahmawati', 'Kelas 8A'],
      [0, 'S-2026-0342', 'Rizki Rahmawati', 'Kelas 7B'],
      [1, 'S-2024-0117', 'Aisyah Rahmawati', 'Kelas 8A'],
    ] as const) {
      await addExternalLink(ctx, actor, contactIds[idx], {
        system: 'student_app',
        externalId: studentId,
        url: `https://siswa.sekolah.example/students/${studentId}`,
        label: name,
        display: { name, grade, dormitory: 'Asrama Putri 2' },
      });
    }
    await addExternalLink(ctx, actor, contactIds[0], {
      system: 'payment_app',
      externalId: 'INV-88213',
      url: 'https://bayar.sekolah.example/accounts/INV-88213',
      label: 'SPP 2026/27',
      display: { status: 'Lunas', outstanding: 0 },
    });
    await createNote(ctx, actor, 'contact', contactIds[0], {
      body: '**Rapat komite** bulan depan. Bu Siti minta info jadwal kunjungan asrama.\n\n- Kirim brosur via WhatsApp\n- Konfirmasi biaya seragam',
      isPinned: true,
    });
    await createNote(ctx, actor, 'contact', contactIds[2], {
      body: 'Tertarik program beasiswa prestasi. Anak juara olimpiade matematika tingkat kota.',
      isPinned: false,
    });
  }
  if (template === 'hospital' && contactIds.length > 2) {
    await addRelationship(ctx, actor, contactIds[1], {
      relatedContactId: contactIds[0],
      kind: 'referred_by',
      strength: 8,
    });
    await createNote(ctx, actor, 'contact', contactIds[1], {
      body: 'Inquiry about **heart checkup packages**; prefers a Saturday appointment.',
      isPinned: true,
    });
  }
  if (template === 'sales' && contactIds.length > 4) {
    await addRelationship(ctx, actor, contactIds[4], {
      relatedContactId: contactIds[0],
      kind: 'colleague',
      strength: 6,
    });
    await createNote(ctx, actor, 'contact', contactIds[0], {
      body: 'Renewal due in Q3. Wants a **multi-year** discount; loop in finance early.',
      isPinned: true,
    });
  }
  return { contactIds, companyIds };
}

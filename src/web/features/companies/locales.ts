import { defineLocales } from '../../i18n/define';

export const companiesLocales = defineLocales({
  en: {
    list: { title: 'Companies', description: 'Organizations your contacts belong to.', count_one: '{{count}} company', count_other: '{{count}} companies', new: 'New company', search: 'Search companies by name or domain', emptyTitle: 'No companies yet', emptyText: 'Add the organizations you work with; people can then belong to them.', noResults: 'No company matches' },
    fields: { name: 'Name', domain: 'Domain', industry: 'Industry', size: 'Size', owner: 'Owner', people: 'People', created: 'Created', city: 'City', country: 'Country' },
    form: { createTitle: 'New company', editTitle: 'Edit {{name}}', create: 'Create company', created: '{{name}} added', updated: '{{name}} saved', domainHint: 'e.g. example.co.id', employees: '{{size}} employees' },
    detail: {
      profile: 'Details', edit: 'Edit', delete: 'Delete company', deleted: 'Company moved to the trash', restore: 'Restore', restored: 'Company restored', inTrash: 'In the trash', deleteTitle: 'Delete {{name}}?',
      deleteText: 'The company moves to the trash; its people stay.', people_one: 'People ({{count}})', people_other: 'People ({{count}})', noPeople: 'Nobody here yet', noPeopleText: 'Choose this company on a contact to list them here.',
      notFound: 'Company not found', back: 'Back to companies', meta: 'Added {{created}}',
    },
    relationships: {
      title: 'Related companies', add: 'Add', addTitle: 'Relate a company', kind: 'This company is…', kindHint: 'The other company gets the reverse side.', company: 'Company', added: 'Relationship added', removed: 'Relationship removed',
      remove: 'Remove relationship with {{name}}', empty: 'No related companies',
      kinds: { parent_company: 'Parent company of', subsidiary: 'Subsidiary of', partner: 'Partner of', competitor: 'Competitor of' },
    },
  },
  id: {
    list: { title: 'Perusahaan', description: 'Organisasi tempat kontak Anda bernaung.', count_one: '{{count}} perusahaan', count_other: '{{count}} perusahaan', new: 'Perusahaan baru', search: 'Cari perusahaan menurut nama atau domain', emptyTitle: 'Belum ada perusahaan', emptyText: 'Tambahkan organisasi yang bekerja sama dengan Anda; kontak dapat dikaitkan ke sana.', noResults: 'Tidak ada perusahaan yang cocok' },
    fields: { name: 'Nama', domain: 'Domain', industry: 'Industri', size: 'Ukuran', owner: 'Pemilik', people: 'Orang', created: 'Dibuat', city: 'Kota', country: 'Negara' },
    form: { createTitle: 'Perusahaan baru', editTitle: 'Ubah {{name}}', create: 'Buat perusahaan', created: '{{name}} ditambahkan', updated: '{{name}} disimpan', domainHint: 'mis. contoh.co.id', employees: '{{size}} karyawan' },
    detail: {
      profile: 'Rincian', edit: 'Ubah', delete: 'Hapus perusahaan', deleted: 'Perusahaan dipindahkan ke tempat sampah', restore: 'Pulihkan', restored: 'Perusahaan dipulihkan', inTrash: 'Di tempat sampah', deleteTitle: 'Hapus {{name}}?',
      deleteText: 'Perusahaan dipindahkan ke tempat sampah; orang-orangnya tetap ada.', people_one: 'Orang ({{count}})', people_other: 'Orang ({{count}})', noPeople: 'Belum ada orang', noPeopleText: 'Pilih perusahaan ini pada kontak agar tercantum di sini.',
      notFound: 'Perusahaan tidak ditemukan', back: 'Kembali ke perusahaan', meta: 'Ditambahkan {{created}}',
    },
    relationships: {
      title: 'Perusahaan terkait', add: 'Tambah', addTitle: 'Kaitkan perusahaan', kind: 'Perusahaan ini adalah…', kindHint: 'Perusahaan lain mendapat sisi sebaliknya.', company: 'Perusahaan', added: 'Relasi ditambahkan', removed: 'Relasi dihapus',
      remove: 'Hapus relasi dengan {{name}}', empty: 'Belum ada perusahaan terkait',
      kinds: { parent_company: 'Induk perusahaan dari', subsidiary: 'Anak perusahaan dari', partner: 'Mitra dari', competitor: 'Pesaing dari' },
    },
  },
});

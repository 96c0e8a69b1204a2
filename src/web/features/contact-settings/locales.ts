import { defineLocales } from '../../i18n/define';

export const contactSettingsLocales = defineLocales({
  en: {
    sections: { types: 'Contact types', sources: 'Sources', fields: 'Custom fields', tags: 'Tags' },
    archived: 'Archived', edit: 'Edit {{name}}', archive: 'Archive {{name}}', unarchive: 'Restore {{name}}', delete: 'Delete {{name}}', deleteTitle: 'Delete “{{name}}”?', color: 'Colour',
    keyHint: 'Used by imports, the API and automations; lower-case letters, digits and _', keyFixed: 'The key stays once created',
    colors: { gray: 'Grey', blue: 'Blue', green: 'Green', teal: 'Teal', amber: 'Amber', red: 'Red', purple: 'Purple', pink: 'Pink' },
    types: {
      title: 'Contact types', description: 'The kinds of people in this workspace — e.g. parents of students, prospects, patients, leads. A type can require fields.', add: 'Add type', addTitle: 'New contact type', editTitle: 'Edit {{name}}',
      label: 'Label', key: 'Key', icon: 'Icon', iconHint: 'Optional icon name, e.g. graduation-cap', rules: 'Rules', contacts: 'Contacts', requires: 'requires {{fields}}', requiredFields: 'Required fields',
      requiredHint: 'A contact of this type cannot be saved without these.', otherRules: 'Also enforced (set by other modules): {{rules}}', saved: 'Contact type saved', deleted: 'Contact type deleted',
      deleteText: 'Only a type no contact has can be deleted; archive it otherwise.', emptyTitle: 'No contact types', emptyText: 'Types sort people into groups with their own rules, colours and reports.',
    },
    sources: {
      title: 'Sources', description: 'Where contacts come from, for filters and source reports.', add: 'Add source', addTitle: 'New source', editTitle: 'Edit {{name}}', label: 'Label', saved: 'Source saved', deleted: 'Source deleted',
      deleteText: 'Only a source no contact has can be deleted; archive it otherwise.', emptyTitle: 'No sources', emptyText: 'Add the channels people reach you through: website, WhatsApp, referrals, events…',
    },
    fields: {
      title: 'Custom fields', description: 'Extra fields on contacts and companies. Values are checked on every save; you can filter and sort by them.', add: 'Add field', addTitle: 'New custom field', editTitle: 'Edit {{name}}',
      entity: 'Records', onContacts: 'Contacts', onCompanies: 'Companies', label: 'Label', type: 'Type', typeFixed: 'The type stays once created', choices: 'Choices', choiceLabel: 'Choice', choiceValue: 'Stored value', addChoice: 'Add choice', removeChoice: 'Remove choice',
      required: 'Required', unique: 'Unique', requiredLabel: 'Required', requiredHint: 'New records need a value; it cannot be cleared.', uniqueLabel: 'Unique', uniqueHint: 'No two records may have the same value.',
      saved: 'Field saved', deleted: 'Field deleted', deleteText: 'The field disappears from forms and lists.', emptyTitle: 'No custom fields', emptyText: 'Add fields your organization tracks — student ids, insurance, job titles.',
    },
    fieldTypes: { text: 'Text', long_text: 'Long text', number: 'Number', money: 'Money', date: 'Date', boolean: 'Yes / no', select: 'Single choice', multi_select: 'Multiple choice', url: 'Link', email: 'Email', phone: 'Phone' },
    tags: {
      title: 'Tags', descriptionText: 'Labels you put on contacts to find and target them.', add: 'Add tag', addTitle: 'New tag', editTitle: 'Edit {{name}}', name: 'Name', description: 'Description', saved: 'Tag saved', deleted: 'Tag deleted',
      deleteText_one: 'It comes off {{count}} contact.', deleteText_other: 'It comes off {{count}} contacts.', emptyTitle: 'No tags yet', emptyText: 'Tags group contacts across types: VIP, scholarship, dormitory…',
    },
    retention: { title: 'Trash', description: 'Deleted contacts and companies stay restorable this long, then a nightly job removes them for good.', days: 'Days in the trash', saved: 'Retention saved' },
  },
  id: {
    sections: { types: 'Jenis kontak', sources: 'Sumber', fields: 'Kolom kustom', tags: 'Tag' },
    archived: 'Diarsipkan', edit: 'Ubah {{name}}', archive: 'Arsipkan {{name}}', unarchive: 'Pulihkan {{name}}', delete: 'Hapus {{name}}', deleteTitle: 'Hapus “{{name}}”?', color: 'Warna',
    keyHint: 'Dipakai oleh impor, API, dan otomasi; huruf kecil, angka, dan _', keyFixed: 'Kunci tidak dapat diubah setelah dibuat',
    colors: { gray: 'Abu-abu', blue: 'Biru', green: 'Hijau', teal: 'Hijau kebiruan', amber: 'Kuning', red: 'Merah', purple: 'Ungu', pink: 'Merah muda' },
    types: {
      title: 'Jenis kontak', description: 'Jenis orang di ruang kerja ini — mis. orang tua siswa, calon siswa, pasien, prospek. Sebuah jenis dapat mewajibkan kolom tertentu.', add: 'Tambah jenis', addTitle: 'Jenis kontak baru', editTitle: 'Ubah {{name}}',
      label: 'Label', key: 'Kunci', icon: 'Ikon', iconHint: 'Nama ikon opsional, mis. graduation-cap', rules: 'Aturan', contacts: 'Kontak', requires: 'wajib {{fields}}', requiredFields: 'Kolom wajib',
      requiredHint: 'Kontak jenis ini tidak dapat disimpan tanpa kolom ini.', otherRules: 'Juga diberlakukan (diatur modul lain): {{rules}}', saved: 'Jenis kontak disimpan', deleted: 'Jenis kontak dihapus',
      deleteText: 'Hanya jenis yang tidak dipakai kontak mana pun yang dapat dihapus; jika dipakai, arsipkan.', emptyTitle: 'Belum ada jenis kontak', emptyText: 'Jenis mengelompokkan orang dengan aturan, warna, dan laporan masing-masing.',
    },
    sources: {
      title: 'Sumber', description: 'Dari mana kontak berasal, untuk filter dan laporan sumber.', add: 'Tambah sumber', addTitle: 'Sumber baru', editTitle: 'Ubah {{name}}', label: 'Label', saved: 'Sumber disimpan', deleted: 'Sumber dihapus',
      deleteText: 'Hanya sumber yang tidak dipakai kontak mana pun yang dapat dihapus; jika dipakai, arsipkan.', emptyTitle: 'Belum ada sumber', emptyText: 'Tambahkan saluran orang menghubungi Anda: situs web, WhatsApp, rekomendasi, acara…',
    },
    fields: {
      title: 'Kolom kustom', description: 'Kolom tambahan pada kontak dan perusahaan. Nilai diperiksa setiap disimpan; dapat dipakai untuk filter dan urutan.', add: 'Tambah kolom', addTitle: 'Kolom kustom baru', editTitle: 'Ubah {{name}}',
      entity: 'Data', onContacts: 'Kontak', onCompanies: 'Perusahaan', label: 'Label', type: 'Tipe', typeFixed: 'Tipe tidak dapat diubah setelah dibuat', choices: 'Pilihan', choiceLabel: 'Pilihan', choiceValue: 'Nilai tersimpan', addChoice: 'Tambah pilihan', removeChoice: 'Hapus pilihan',
      required: 'Wajib', unique: 'Unik', requiredLabel: 'Wajib', requiredHint: 'Data baru wajib diisi; nilainya tidak dapat dikosongkan.', uniqueLabel: 'Unik', uniqueHint: 'Tidak boleh ada dua data dengan nilai yang sama.',
      saved: 'Kolom disimpan', deleted: 'Kolom dihapus', deleteText: 'Kolom hilang dari formulir dan daftar.', emptyTitle: 'Belum ada kolom kustom', emptyText: 'Tambahkan kolom yang dicatat organisasi Anda — ID siswa, asuransi, jabatan.',
    },
    fieldTypes: { text: 'Teks', long_text: 'Teks panjang', number: 'Angka', money: 'Uang', date: 'Tanggal', boolean: 'Ya / tidak', select: 'Satu pilihan', multi_select: 'Banyak pilihan', url: 'Tautan', email: 'Email', phone: 'Telepon' },
    tags: {
      title: 'Tag', descriptionText: 'Label yang Anda pasang pada kontak untuk menemukan dan menargetkannya.', add: 'Tambah tag', addTitle: 'Tag baru', editTitle: 'Ubah {{name}}', name: 'Nama', description: 'Deskripsi', saved: 'Tag disimpan', deleted: 'Tag dihapus',
      deleteText_one: 'Tag dilepas dari {{count}} kontak.', deleteText_other: 'Tag dilepas dari {{count}} kontak.', emptyTitle: 'Belum ada tag', emptyText: 'Tag mengelompokkan kontak lintas jenis: VIP, beasiswa, asrama…',
    },
    retention: { title: 'Tempat sampah', description: 'Kontak dan perusahaan yang dihapus dapat dipulihkan selama ini, lalu tugas malam hari menghapusnya permanen.', days: 'Hari di tempat sampah', saved: 'Masa simpan disimpan' },
  },
});

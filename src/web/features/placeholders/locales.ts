import { defineLocales } from '../../i18n/define';

/** What each section will do, shown on its page until the section is built. */
export const placeholderLocales = defineLocales({
  en: {
    badge: 'Not built yet',
    title: '{{section}} is not built yet',
    backToDashboard: 'Back to the dashboard',
    genericSummary: 'This section is planned and will appear here in a coming release.',
    contacts: {
      summary: 'Everyone you work with — parents, patients, leads, customers — in one searchable list.',
      points: {
        p1: 'Contact types, custom fields, tags and saved views',
        p2: 'Duplicate detection and merge',
        p3: 'Import and export (CSV, Excel) with field mapping',
        p4: 'A timeline of every call, message and note',
      },
    },
    pipelines: {
      summary: 'Deals and enrollments moving through the stages you define, on a board.',
      points: {
        p1: 'Drag-and-drop kanban with won and lost stages',
        p2: 'Stage rules, values and probabilities',
        p3: 'Forecasts and funnel conversion',
      },
    },
    activities: {
      summary: 'Calls, WhatsApp messages, meetings and tasks, with reminders so nothing slips.',
      points: {
        p1: 'Quick logging from any contact or deal',
        p2: 'My tasks, today and overdue',
        p3: 'Calendar view and notifications',
      },
    },
    campaigns: {
      summary: 'Messages to the right audience over WhatsApp, SMS and email.',
      points: {
        p1: 'Audiences from segments and filters',
        p2: 'Templates, scheduling and quiet hours',
        p3: 'Delivery and response tracking',
      },
    },
    automations: {
      summary: 'Workflows that act for you when something happens.',
      points: {
        p1: 'A visual builder with triggers, conditions and actions',
        p2: 'Follow-ups, assignments and reminders',
        p3: 'Run history you can inspect',
      },
    },
    surveys: {
      summary: 'Questionnaires and NPS to hear from parents, patients and customers.',
      points: {
        p1: 'Survey builder and shareable links',
        p2: 'NPS scoring and trends',
        p3: "Answers on each contact's timeline",
      },
    },
    reports: {
      summary: 'Charts and tables of what is working, for you and your team.',
      points: {
        p1: 'Funnel, source and team performance',
        p2: 'Filters by date, owner and pipeline',
        p3: 'Export to CSV and Excel',
      },
    },
  },
  id: {
    badge: 'Belum tersedia',
    title: '{{section}} belum tersedia',
    backToDashboard: 'Kembali ke dasbor',
    genericSummary: 'Bagian ini sudah direncanakan dan akan muncul di sini pada rilis berikutnya.',
    contacts: {
      summary:
        'Semua orang yang Anda layani — orang tua, pasien, prospek, pelanggan — dalam satu daftar yang mudah dicari.',
      points: {
        p1: 'Jenis kontak, kolom kustom, tag, dan tampilan tersimpan',
        p2: 'Deteksi duplikat dan penggabungan',
        p3: 'Impor dan ekspor (CSV, Excel) dengan pemetaan kolom',
        p4: 'Linimasa setiap panggilan, pesan, dan catatan',
      },
    },
    pipelines: {
      summary: 'Kesepakatan dan pendaftaran yang bergerak melalui tahapan yang Anda tentukan, dalam papan.',
      points: {
        p1: 'Kanban seret-dan-lepas dengan tahap menang dan kalah',
        p2: 'Aturan tahap, nilai, dan probabilitas',
        p3: 'Prakiraan dan konversi corong',
      },
    },
    activities: {
      summary: 'Panggilan, pesan WhatsApp, pertemuan, dan tugas, dengan pengingat agar tidak ada yang terlewat.',
      points: {
        p1: 'Pencatatan cepat dari kontak atau kesepakatan mana pun',
        p2: 'Tugas saya, hari ini, dan terlambat',
        p3: 'Tampilan kalender dan notifikasi',
      },
    },
    campaigns: {
      summary: 'Pesan untuk audiens yang tepat melalui WhatsApp, SMS, dan email.',
      points: {
        p1: 'Audiens dari segmen dan filter',
        p2: 'Templat, penjadwalan, dan jam tenang',
        p3: 'Pelacakan pengiriman dan tanggapan',
      },
    },
    automations: {
      summary: 'Alur kerja yang bertindak untuk Anda saat sesuatu terjadi.',
      points: {
        p1: 'Pembuat visual dengan pemicu, kondisi, dan tindakan',
        p2: 'Tindak lanjut, penugasan, dan pengingat',
        p3: 'Riwayat jalannya yang dapat diperiksa',
      },
    },
    surveys: {
      summary: 'Kuesioner dan NPS untuk mendengar orang tua, pasien, dan pelanggan.',
      points: {
        p1: 'Pembuat survei dan tautan yang dapat dibagikan',
        p2: 'Skor NPS dan tren',
        p3: 'Jawaban di linimasa setiap kontak',
      },
    },
    reports: {
      summary: 'Grafik dan tabel tentang apa yang berhasil, untuk Anda dan tim.',
      points: {
        p1: 'Kinerja corong, sumber, dan tim',
        p2: 'Filter menurut tanggal, pemilik, dan pipeline',
        p3: 'Ekspor ke CSV dan Excel',
      },
    },
  },
});

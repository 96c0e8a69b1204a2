import { defineLocales } from '../../i18n/define';

export const dashboardLocales = defineLocales({
  en: {
    eyebrow: 'Dashboard',
    greeting: {
      morning: 'Good morning, {{name}}',
      afternoon: 'Good afternoon, {{name}}',
      evening: 'Good evening, {{name}}',
      night: 'Good evening, {{name}}',
    },
    description:
      'You are working in {{workspace}}. Charts of your funnel and team will appear here as the sections fill up.',
    quickLinks: 'Go to',
    sections: {
      contacts: 'People and organizations, with types, tags and history.',
      pipelines: 'Deals and enrollments moving through stages.',
      activities: 'Calls, messages, meetings and tasks.',
      campaigns: 'Messages to an audience over WhatsApp, SMS and email.',
      automations: 'Workflows that follow up for you.',
      surveys: 'Questionnaires and NPS.',
      reports: 'Charts of what is working.',
    },
    setup: {
      title: 'Set up your workspace',
      description: 'A few steps that make the rest easier.',
      invite: { title: 'Invite your team', text: 'Add colleagues and give each a role.' },
      workspace: { title: 'Check the workspace settings', text: 'Time zone, phone region, currency and language.' },
      apiKey: { title: 'Connect other systems', text: 'Create an API key for an integration.' },
    },
  },
  id: {
    eyebrow: 'Dasbor',
    greeting: {
      morning: 'Selamat pagi, {{name}}',
      afternoon: 'Selamat siang, {{name}}',
      evening: 'Selamat sore, {{name}}',
      night: 'Selamat malam, {{name}}',
    },
    description:
      'Anda sedang bekerja di {{workspace}}. Grafik corong dan tim akan tampil di sini seiring data bertambah.',
    quickLinks: 'Buka',
    sections: {
      contacts: 'Orang dan organisasi, dengan jenis, tag, dan riwayat.',
      pipelines: 'Kesepakatan dan pendaftaran yang bergerak melalui tahapan.',
      activities: 'Panggilan, pesan, pertemuan, dan tugas.',
      campaigns: 'Pesan untuk audiens melalui WhatsApp, SMS, dan email.',
      automations: 'Alur kerja yang menindaklanjuti untuk Anda.',
      surveys: 'Kuesioner dan NPS.',
      reports: 'Grafik tentang apa yang berhasil.',
    },
    setup: {
      title: 'Siapkan ruang kerja Anda',
      description: 'Beberapa langkah yang memudahkan semuanya.',
      invite: { title: 'Undang tim Anda', text: 'Tambahkan rekan kerja dan beri setiap orang peran.' },
      workspace: {
        title: 'Periksa pengaturan ruang kerja',
        text: 'Zona waktu, wilayah telepon, mata uang, dan bahasa.',
      },
      apiKey: { title: 'Hubungkan sistem lain', text: 'Buat kunci API untuk integrasi.' },
    },
  },
});

// Words the generator builds a boarding school's workspace from: Indonesian parents (most of
// them), English-speaking families, Jakarta-area cities, employers, and what staff write.

export const ID_FIRST_FEMALE = [
  'Siti', 'Dewi', 'Nur', 'Rina', 'Yuliana', 'Ratna', 'Lina', 'Maya', 'Ayu', 'Indah', 'Fitri', 'Nina', 'Lestari', 'Sri', 'Wulan', 'Putri', 'Rahma', 'Aisyah',
  'Fatimah', 'Kartika', 'Anisa', 'Dian', 'Eka', 'Fitriani', 'Hana', 'Intan', 'Kurnia', 'Lia', 'Mega', 'Novi', 'Oktavia', 'Puspita', 'Ratih', 'Sari', 'Tuti',
  'Umi', 'Vina', 'Wati', 'Yanti', 'Zahra', 'Nurul', 'Endang', 'Suci', 'Melati', 'Citra', 'Laras', 'Annisa', 'Rahmawati', 'Mutiara', 'Salsabila',
];
export const ID_FIRST_MALE = [
  'Budi', 'Agus', 'Hendra', 'Fajar', 'Wahyu', 'Andi', 'Eko', 'Bambang', 'Joko', 'Rudi', 'Teguh', 'Dedi', 'Hadi', 'Ahmad', 'Muhammad', 'Mohammad', 'Rizki',
  'Arif', 'Bayu', 'Dimas', 'Fikri', 'Gilang', 'Hasan', 'Irfan', 'Joni', 'Krisna', 'Lukman', 'Made', 'Nyoman', 'Putu', 'Rahmat', 'Slamet', 'Taufik', 'Umar',
  'Yoga', 'Yusuf', 'Zainal', 'Ilham', 'Reza', 'Aditya', 'Bagus', 'Cahyo', 'Dani', 'Galih', 'Haris', 'Indra', 'Kevin', 'Surya', 'Wawan', 'Iwan',
];
export const ID_LAST = [
  'Santoso', 'Rahmawati', 'Lestari', 'Pratama', 'Hidayah', 'Wulandari', 'Gunawan', 'Putri', 'Nugroho', 'Hidayat', 'Sari', 'Wijaya', 'Marlina', 'Saputra',
  'Anggraini', 'Susilo', 'Mulyani', 'Widodo', 'Kartika', 'Hartono', 'Permata', 'Prasetyo', 'Handayani', 'Kurniawan', 'Susanti', 'Purnomo', 'Wibowo',
  'Setiawan', 'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul', 'Tanjung', 'Hakim', 'Firmansyah', 'Ramadhan', 'Maulana', 'Syahputra',
  'Utami', 'Rahayu', 'Suryani', 'Wahyuni', 'Kusuma', 'Halim', 'Tanoto', 'Salim', 'Sutanto', 'Djojohadikusumo', 'Soekarno', 'Tjahjono', 'Oetomo',
  'Pangestu', 'Adiputra', 'Budiman', 'Hermawan', 'Irawan', 'Junaedi', 'Sembiring', 'Ginting', 'Manurung', 'Pohan', 'Daulay', 'Batubara', 'Hutapea',
];
export const EN_FIRST_FEMALE = ['Olivia', 'Emma', 'Sophia', 'Hannah', 'Grace', 'Emily', 'Charlotte', 'Amelia', 'Chloe', 'Lucy', 'Sarah', 'Rachel', 'Laura', 'Megan', 'Jessica', 'Priya', 'Mei', 'Aiko'];
export const EN_FIRST_MALE = ['James', 'Daniel', 'Lucas', 'Noah', 'Oliver', 'William', 'Henry', 'Thomas', 'Michael', 'David', 'Andrew', 'Peter', 'Ryan', 'Matthew', 'Kenji', 'Wei', 'Arjun', 'Marcus'];
export const EN_LAST = ['Bennett', 'Chen', 'Alvarez', 'Okafor', 'Schultz', 'Kim', 'Nair', 'Moreau', 'Weiss', 'Fischer', 'Smith', 'Brown', 'Taylor', 'Wilson', 'Harris', 'Clarke', 'Walker', 'Tan', 'Lim', 'Wong', 'Nguyen', 'Sato', 'Patel', 'Murphy', 'Evans', 'Hughes'];

export const CITIES = [
  ['Jakarta Selatan', 'DKI Jakarta'], ['Jakarta Timur', 'DKI Jakarta'], ['Jakarta Barat', 'DKI Jakarta'], ['Bogor', 'Jawa Barat'], ['Depok', 'Jawa Barat'], ['Bekasi', 'Jawa Barat'],
  ['Tangerang', 'Banten'], ['Tangerang Selatan', 'Banten'], ['Bandung', 'Jawa Barat'], ['Surabaya', 'Jawa Timur'], ['Semarang', 'Jawa Tengah'], ['Yogyakarta', 'DI Yogyakarta'],
  ['Medan', 'Sumatera Utara'], ['Makassar', 'Sulawesi Selatan'], ['Balikpapan', 'Kalimantan Timur'], ['Denpasar', 'Bali'], ['Palembang', 'Sumatera Selatan'], ['Malang', 'Jawa Timur'],
] as const;
export const STREETS = ['Jl. Sudirman', 'Jl. Thamrin', 'Jl. Gatot Subroto', 'Jl. Merdeka', 'Jl. Diponegoro', 'Jl. Ahmad Yani', 'Jl. Pahlawan', 'Jl. Kenanga', 'Jl. Melati', 'Jl. Mawar', 'Jl. Raya Bogor', 'Jl. Cempaka Putih'];

export const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [['gmail.com', 60], ['yahoo.co.id', 12], ['yahoo.com', 6], ['outlook.com', 6], ['hotmail.com', 4], ['icloud.com', 3], ['ymail.com', 2]];

export const COMPANY_PREFIXES = ['PT', 'PT', 'PT', 'CV', 'Koperasi', 'Yayasan', 'Bank', 'RS'];
export const COMPANY_WORDS = [
  'Sinar', 'Harapan', 'Nusantara', 'Maju', 'Bersama', 'Sejahtera', 'Abadi', 'Jaya', 'Mandiri', 'Sentosa', 'Makmur', 'Karya', 'Bumi', 'Cahaya', 'Mitra', 'Prima',
  'Global', 'Indah', 'Lestari', 'Utama', 'Persada', 'Mulia', 'Agung', 'Samudra', 'Garuda', 'Rajawali', 'Tunas', 'Mega', 'Surya', 'Bintang',
];
export const INDUSTRIES = ['Banking', 'Manufacturing', 'Education', 'Logistics', 'Retail', 'Healthcare', 'Government', 'Oil & gas', 'Telecommunications', 'Software', 'Construction', 'Hospitality'];
export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000'];

export const NOTE_TEXTS = [
  'Tertarik program beasiswa prestasi; minta brosur lengkap via WhatsApp.',
  'Menanyakan jadwal kunjungan asrama putri dan biaya seragam.',
  'Orang tua ingin bertemu wali kelas sebelum pendaftaran ulang.',
  'Sudah transfer uang pangkal, menunggu konfirmasi bagian keuangan.',
  'Anak juara olimpiade matematika tingkat kota, cocok untuk kelas akselerasi.',
  'Asked about the international class and English-medium subjects.',
  'Prefers contact by WhatsApp after 7 pm; works shifts.',
  'Sibling already enrolled in grade 8; eligible for sibling discount.',
  'Follow up after the open house on Saturday.',
  'Minta keringanan pembayaran SPP untuk semester depan.',
  'Alumni angkatan 2010, bersedia menjadi pembicara karier.',
  'Concerned about dormitory food allergies (peanuts).',
];

export const ACTIVITY_TITLES: Record<string, string[]> = {
  call: ['Telepon konfirmasi jadwal', 'Follow-up call about application', 'Menanyakan kelengkapan berkas', 'Call about tuition payment plan'],
  whatsapp: ['Kirim brosur via WhatsApp', 'WhatsApp reminder for open house', 'Balas pertanyaan biaya asrama', 'Kirim link pendaftaran online'],
  email: ['Email konfirmasi pendaftaran', 'Sent admission requirements', 'Email jadwal tes masuk', 'Newsletter follow-up'],
  school_visit: ['Kunjungan sekolah dan asrama', 'Campus tour with family', 'Open house visit'],
  meeting: ['Rapat komite sekolah', 'Parent-teacher meeting', 'Pertemuan dengan wali kelas'],
  note: ['Catatan dari resepsionis', 'Internal note', 'Catatan wawancara'],
  assessment: ['Tes masuk akademik', 'Entrance assessment', 'Tes psikologi'],
  follow_up: ['Tindak lanjut pendaftaran', 'Follow-up after visit', 'Pengingat dokumen'],
};

export const OUTCOMES: ReadonlyArray<readonly [string, number]> = [['successful', 55], ['no_answer', 20], ['follow_up_required', 20], ['custom', 5]];

export const TASK_TITLES = ['Telepon orang tua untuk konfirmasi', 'Kirim formulir pendaftaran', 'Follow up on missing documents', 'Jadwalkan tes masuk', 'Collect feedback after visit', 'Pengingat pembayaran uang pangkal', 'Schedule campus tour', 'Kirim hasil tes'];
export const TASK_TYPES: ReadonlyArray<readonly [string, number]> = [['follow_up_call', 30], ['follow_up_email', 15], ['follow_up_visit', 10], ['appointment_scheduling', 10], ['document_collection', 15], ['feedback_collection', 5], ['payment_reminder', 10], ['custom', 5]];
export const TASK_PRIORITIES: ReadonlyArray<readonly [string, number]> = [['low', 20], ['medium', 50], ['high', 25], ['urgent', 5]];

export const LOST_REASONS = ['Memilih sekolah lain', 'Biaya terlalu tinggi', 'Jarak terlalu jauh', 'Tidak lulus tes', 'No response', 'Moved to another city'];
export const WON_REASONS = ['Beasiswa diterima', 'Rekomendasi orang tua', 'Fasilitas asrama', 'Program unggulan'];

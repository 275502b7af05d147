/** Indonesian texts for the demo data set: realistic reports, follow-ups and names (all fictional). */

export const DEMO_REPORTS: { topic: string; title: string; body: string }[] = [
  {
    topic: 'infrastruktur',
    title: 'Jalan berlubang di depan pasar',
    body: 'Lubang besar di jalan depan pasar sudah sebulan tidak diperbaiki. Sudah ada dua pengendara motor yang jatuh saat hujan.',
  },
  {
    topic: 'infrastruktur',
    title: 'Lampu penerangan jalan mati',
    body: 'Lampu penerangan jalan di gang kami mati sejak tiga minggu. Warga takut keluar malam karena gelap dan rawan kejahatan.',
  },
  {
    topic: 'infrastruktur',
    title: 'Drainase tersumbat menyebabkan banjir',
    body: 'Saluran air di permukiman kami tersumbat sampah sehingga setiap hujan deras rumah warga tergenang setinggi lutut.',
  },
  {
    topic: 'kesehatan',
    title: 'Antrean puskesmas sangat panjang',
    body: 'Pasien harus antre sejak subuh untuk mendapat nomor. Petugas loket hanya satu orang dan layanan baru buka jam sembilan.',
  },
  {
    topic: 'kesehatan',
    title: 'Obat tidak tersedia di apotek puskesmas',
    body: 'Sudah tiga kali berobat, obat hipertensi yang diresepkan selalu kosong dan pasien diminta membeli sendiri di apotek luar.',
  },
  {
    topic: 'pendidikan',
    title: 'Pungutan uang seragam di sekolah negeri',
    body: 'Sekolah meminta orang tua membayar uang seragam dan buku yang cukup mahal padahal sekolah negeri seharusnya gratis.',
  },
  {
    topic: 'pendidikan',
    title: 'Atap ruang kelas bocor',
    body: 'Atap dua ruang kelas di SD kami bocor parah. Saat hujan murid dipindah ke lorong dan pelajaran terganggu.',
  },
  {
    topic: 'adminduk',
    title: 'KTP elektronik belum jadi berbulan-bulan',
    body: 'Sudah rekam data KTP elektronik enam bulan lalu tetapi kartu belum juga dicetak dengan alasan blangko habis.',
  },
  {
    topic: 'adminduk',
    title: 'Pengurusan akta kelahiran dipersulit',
    body: 'Petugas meminta berkas tambahan yang tidak ada dalam persyaratan resmi sehingga akta kelahiran anak kami tertunda.',
  },
  {
    topic: 'lingkungan',
    title: 'Sampah menumpuk tidak diangkut',
    body: 'Tempat pembuangan sementara di kelurahan kami penuh dan sampah tidak diangkut lebih dari seminggu sehingga berbau.',
  },
  {
    topic: 'lingkungan',
    title: 'Pabrik membuang limbah ke sungai',
    body: 'Air sungai berubah warna dan berbau setiap malam. Diduga ada pabrik yang membuang limbah tanpa pengolahan.',
  },
  {
    topic: 'sosial',
    title: 'Bantuan sosial tidak tepat sasaran',
    body: 'Beberapa keluarga mampu menerima bantuan sosial sementara tetangga kami yang lansia dan miskin tidak terdaftar.',
  },
  {
    topic: 'air',
    title: 'Air PDAM tidak mengalir',
    body: 'Sudah empat hari air PDAM tidak mengalir di perumahan kami tanpa pemberitahuan, padahal tagihan tetap dibayar.',
  },
  {
    topic: 'listrik',
    title: 'Listrik sering padam tanpa jadwal',
    body: 'Dalam seminggu terakhir listrik padam hampir setiap hari selama beberapa jam tanpa pemberitahuan jadwal pemadaman.',
  },
  {
    topic: 'perhubungan',
    title: 'Angkutan umum menaikkan tarif sepihak',
    body: 'Sopir angkutan kota menaikkan tarif melebihi ketentuan dan penumpang yang menolak diturunkan di tengah jalan.',
  },
  {
    topic: 'perizinan',
    title: 'Izin usaha tidak ada kabar',
    body: 'Permohonan izin usaha mikro kami sudah diajukan dua bulan lalu tetapi status di sistem tidak berubah sama sekali.',
  },
  {
    topic: 'aspirasi',
    title: 'Usulan taman bermain untuk anak',
    body: 'Kami mengusulkan lahan kosong milik pemerintah di kelurahan dijadikan taman bermain dan ruang terbuka hijau untuk anak.',
  },
  {
    topic: 'aspirasi',
    title: 'Usulan pelatihan kerja bagi pemuda',
    body: 'Banyak pemuda di desa kami menganggur. Kami mengusulkan pelatihan keterampilan dan balai latihan kerja keliling.',
  },
];

export const DEMO_FOLLOW_UPS = [
  'Terima kasih atas laporannya. Tim kami telah meninjau lokasi dan perbaikan dijadwalkan minggu ini.',
  'Laporan telah ditindaklanjuti. Petugas sudah menangani masalah tersebut dan kami mohon konfirmasi dari pelapor.',
  'Kami telah berkoordinasi dengan unit terkait dan masalah sudah diselesaikan pada hari ini.',
  'Sesuai hasil pemeriksaan lapangan, kami telah mengambil tindakan dan akan memantau kondisi selanjutnya.',
];

export const DEMO_NAMES = [
  'Siti Aminah',
  'Budi Santoso',
  'Dewi Lestari',
  'Agus Pratama',
  'Rina Wulandari',
  'Muhammad Rizky',
  'Yohanes Wenda',
  'Ni Made Ayu',
  'Fransiska Lobo',
  'Andi Mappaseng',
];

/**
 * Indonesian report texts for the data generator: titles and bodies built from topics, places and sentences, so
 * full-text search finds realistic shares (about 85% mention a street, `jalan`; sampah, air, listrik, sekolah,
 * puskesmas … each a smaller share), reporter names, follow-up messages.
 */
import { pick, type Rnd } from './gen-random';

/** Topics; those naming a street or road only go with a street, so streets stay near 85%. */
const TOPICS = [
  'Jalan berlubang',
  'Jalan rusak parah',
  'Lampu penerangan jalan mati',
  'Aspal jalan mengelupas',
  'Sampah menumpuk',
  'Sampah tidak diangkut seminggu',
  'Tempat pembuangan sampah liar',
  'Air PDAM keruh',
  'Air PDAM tidak mengalir',
  'Tagihan air melonjak',
  'Listrik sering padam',
  'Tiang listrik miring',
  'Kabel listrik menjuntai',
  'Drainase tersumbat',
  'Banjir setiap hujan',
  'Saluran air meluap',
  'Guru sering tidak hadir',
  'Pungutan liar di sekolah',
  'Gedung sekolah rusak',
  'Zonasi penerimaan sekolah tidak adil',
  'Antrean puskesmas terlalu lama',
  'Obat di puskesmas kosong',
  'Petugas puskesmas tidak ramah',
  'Pelayanan BPJS Kesehatan lambat',
  'Pungutan liar pembuatan KTP-el',
  'Blangko KTP-el habis',
  'Akta kelahiran tidak kunjung terbit',
  'Izin usaha tidak kunjung terbit',
  'Bantuan sosial tidak tepat sasaran',
  'Bantuan langsung tunai terlambat',
  'Pasar becek dan kumuh',
  'Parkir liar di trotoar',
  'Pedagang kaki lima menutup trotoar',
  'Angkutan umum ugal-ugalan',
  'Jembatan penyeberangan rusak',
  'Pohon tumbang belum dibersihkan',
  'Taman kota tidak terawat',
  'Kebisingan pabrik malam hari',
  'Limbah pabrik mencemari sungai',
  'Pencemaran udara dari pembakaran',
  'Sinyal internet desa buruk',
  'Pelayanan kantor kelurahan lambat',
  'Pegawai kecamatan meminta imbalan',
  'Sertifikat tanah tertahan',
  'Pupuk bersubsidi langka',
  'Harga gas elpiji di atas HET',
];
const ROAD_TOPIC = /jalan/i;
const STREET_NAMES = [
  'Sudirman',
  'Ahmad Yani',
  'Diponegoro',
  'Gajah Mada',
  'Pahlawan',
  'Merdeka',
  'Juanda',
  'Hasanuddin',
  'Imam Bonjol',
  'Pattimura',
  'Teuku Umar',
  'Cut Nyak Dien',
  'Kartini',
  'Veteran',
  'Pemuda',
  'Slamet Riyadi',
  'Gatot Subroto',
  'Basuki Rahmat',
  'Raya Bogor',
  'Lintas Timur',
  'Trans Sulawesi',
  'Poros Desa',
  'Kenanga',
  'Melati',
  'Mawar',
  'Flamboyan',
  'Cendana',
  'Mangga Dua',
  'Pasar Baru',
  'Stasiun',
];
const OTHER_PLACES = [
  'Pasar Pagi',
  'Pasar Induk',
  'Puskesmas Kecamatan',
  'SDN 012',
  'SMPN 3',
  'Terminal Bus',
  'Kantor Kelurahan',
  'Kantor Kecamatan',
  'Perumahan Griya Asri',
  'Kompleks Pasar Lama',
  'Desa Sukamaju',
  'Kampung Nelayan',
  'Rumah Sakit Umum Daerah',
  'Kantor Disdukcapil',
];
const SENTENCES = [
  'Masalah ini sudah berlangsung lebih dari tiga bulan tanpa tindak lanjut.',
  'Warga sudah melapor ke kantor kelurahan tetapi belum ada tanggapan.',
  'Kondisi ini membahayakan pengendara sepeda motor terutama pada malam hari.',
  'Petugas meminta biaya tambahan di luar ketentuan resmi.',
  'Kami berharap instansi terkait segera turun ke lapangan.',
  'Mohon ada kejelasan jadwal perbaikan dan penanggung jawabnya.',
  'Anak-anak sekolah terpaksa memutar sejauh dua kilometer.',
  'Dokumentasi kejadian dapat kami kirimkan bila diperlukan.',
  'Sudah ada korban luka ringan pekan lalu.',
  'Bau tidak sedap tercium sampai ke rumah warga.',
  'Pedagang mengeluh pembeli berkurang karena kondisi ini.',
  'Lansia dan ibu hamil paling dirugikan oleh keadaan ini.',
  'Kami sudah menunggu sejak pagi tanpa kepastian.',
  'Informasi resmi dari dinas terkait sulit didapat.',
  'Keluhan serupa pernah disampaikan tahun lalu.',
  'Ratusan kepala keluarga terdampak langsung.',
  'Mohon pemerintah daerah memberi solusi permanen.',
  'Kami bersedia membantu bila dibutuhkan keterangan tambahan.',
  'Air hujan menggenang hingga setinggi lutut.',
  'Listrik padam bisa sampai enam jam sehari.',
  'Tumpukan sampah menarik lalat dan tikus.',
  'Jadwal pelayanan tidak sesuai dengan yang diumumkan.',
  'Warga terpaksa membeli air bersih dari penjual keliling.',
  'Pengaduan lewat telepon tidak pernah diangkat.',
];
const FIRST = [
  'Budi',
  'Siti',
  'Andi',
  'Dewi',
  'Yohanes',
  'Made',
  'Rina',
  'Agus',
  'Nur',
  'Fransiska',
  'Wayan',
  'Putri',
];
const LAST = [
  'Santoso',
  'Rahmawati',
  'Pratama',
  'Lestari',
  'Wenda',
  'Suarta',
  'Hasibuan',
  'Siregar',
  'Nainggolan',
];
const ACK = [
  'Laporan Anda sudah kami terima dan sedang kami tindak lanjuti.',
  'Terima kasih, laporan diteruskan ke bidang teknis untuk pemeriksaan.',
  'Laporan diterima; tim akan melakukan peninjauan lapangan.',
];
const FOLLOW_UP = [
  'Tim sudah melakukan perbaikan di lokasi pada hari ini.',
  'Petugas kami telah membersihkan lokasi dan akan memantau secara berkala.',
  'Permasalahan sudah kami koordinasikan dengan dinas terkait dan dijadwalkan minggu depan.',
  'Pungutan tersebut tidak sesuai aturan; petugas yang bersangkutan sudah diberi sanksi.',
  'Pasokan sudah kembali normal setelah perbaikan jaringan.',
  'Dokumen Anda sudah terbit dan dapat diambil di kantor pelayanan.',
  'Anggaran perbaikan sudah diusulkan dalam perubahan APBD tahun ini.',
];
const REPLIES = [
  'Belum ada perubahan di lapangan, mohon dicek kembali.',
  'Perbaikan baru sebagian, sisi lain masih rusak.',
  'Terima kasih, tetapi masalah muncul lagi kemarin.',
];

export interface ReportText {
  title: string;
  body: string;
  address: string | null;
}

/** A title, a body and an address line; `n` keeps titles apart. */
export function reportText(rnd: Rnd, n: number): ReportText {
  const street = rnd() < 0.85;
  let topic = pick(rnd, TOPICS);
  while (!street && ROAD_TOPIC.test(topic)) topic = pick(rnd, TOPICS);
  const place = street ? `Jalan ${pick(rnd, STREET_NAMES)}` : pick(rnd, OTHER_PLACES);
  const count = 2 + Math.floor(rnd() * 5);
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) sentences.push(pick(rnd, SENTENCES));
  const rt = 1 + (n % 20);
  return {
    title: `${topic} di ${place}`,
    body: `${topic} di ${place} RT ${String(rt).padStart(2, '0')}. ${sentences.join(' ')}`,
    address: rnd() < 0.4 ? `${place} No. ${1 + (n % 250)}` : null,
  };
}

/** A reporter's identity as intake seals it (name, and an e-mail and/or phone). */
export function reporterIdentity(rnd: Rnd, n: number) {
  const name = `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
  const identity: { name: string; email?: string; phone?: string } = { name };
  if (rnd() < 0.6) identity.email = `${name.toLowerCase().replace(/\W+/g, '.')}.${n}@contoh.id`;
  if (rnd() < 0.5) identity.phone = `0812${String(10_000_000 + (n % 89_999_999))}`;
  return identity;
}

export const ackMessage = (rnd: Rnd) => pick(rnd, ACK);
export const followUpMessage = (rnd: Rnd) => pick(rnd, FOLLOW_UP);
export const replyMessage = (rnd: Rnd) => pick(rnd, REPLIES);

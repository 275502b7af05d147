/** Valid, varied intake bodies built from the reference data a running server serves. */

import { prng } from './gen-random';

export interface Reference {
  categoryIds: number[];
  institutions: { id: number; regionCode: string }[];
  /** Regency codes and some districts under them. */
  regionCodes: string[];
}

interface CategoryNode {
  id: number;
  children?: CategoryNode[];
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Leaf categories, regency governments and regions, from the API itself. */
export async function fetchReference(baseUrl: string): Promise<Reference> {
  const cats = await getJson<{ items: CategoryNode[] }>(`${baseUrl}/api/v1/categories`);
  const categoryIds: number[] = [];
  const walk = (n: CategoryNode) => (n.children?.length ? n.children.forEach(walk) : categoryIds.push(n.id));
  cats.items.forEach(walk);
  const inst = await getJson<{ items: { id: number; regionCode: string | null }[] }>(
    `${baseUrl}/api/v1/institutions?kind=regency_government`,
  );
  const institutions = inst.items.flatMap((i) =>
    i.regionCode ? [{ id: i.id, regionCode: i.regionCode }] : [],
  );
  const regionCodes = institutions.map((i) => i.regionCode);
  for (const i of institutions.slice(0, 12)) {
    const districts = await getJson<{ items: { code: string }[] }>(
      `${baseUrl}/api/v1/regions?parent=${i.regionCode}&limit=20`,
    );
    regionCodes.push(...districts.items.map((d) => d.code));
  }
  if (!categoryIds.length || !institutions.length)
    throw new Error('the server returned no categories or regency governments (was the seed skipped?)');
  return { categoryIds, institutions, regionCodes };
}

const TOPICS = [
  'Jalan berlubang',
  'Lampu jalan mati',
  'Pungutan liar pembuatan KTP-el',
  'Antrean BPJS Kesehatan terlalu lama',
  'Sampah menumpuk',
  'Air PDAM keruh',
  'Guru sering tidak hadir',
  'Bantuan sosial tidak tepat sasaran',
  'Drainase tersumbat',
  'Izin usaha tidak kunjung terbit',
];
const PLACES = [
  'Jalan Juanda',
  'Pasar Pagi',
  'Kelurahan Sempaja',
  'Puskesmas Kecamatan',
  'SDN 012',
  'Terminal',
];
const SENTENCES = [
  'Masalah ini sudah berlangsung lebih dari tiga bulan tanpa tindak lanjut.',
  'Warga sudah melapor ke kantor kelurahan tetapi belum ada tanggapan.',
  'Kondisi ini membahayakan pengendara sepeda motor terutama pada malam hari.',
  'Petugas meminta biaya tambahan di luar ketentuan resmi.',
  'Kami berharap instansi terkait segera turun ke lapangan.',
  'Mohon ada kejelasan jadwal perbaikan dan penanggung jawabnya.',
  'Beberapa anak sekolah terpaksa memutar jalan sejauh dua kilometer.',
  'Dokumentasi kejadian dapat kami kirimkan bila diperlukan.',
];
// Points inside Indonesia's bounding box (Jakarta, Samarinda, Makassar, Medan, Jayapura, Denpasar).
const POINTS: [number, number][] = [
  [-6.2088, 106.8456],
  [-0.5022, 117.1536],
  [-5.1477, 119.4327],
  [3.5952, 98.6722],
  [-2.5337, 140.7181],
  [-8.6705, 115.2126],
];
const NAMES = [
  'Budi Santoso',
  'Siti Rahmawati',
  'Andi Pratama',
  'Dewi Lestari',
  'Yohanes Wenda',
  'Made Suarta',
];

/** The mix each call returns, so the bench can say what it sent. */
export const MIX = {
  withInstitution: 0.5,
  anonymous: 0.3,
  confidential: 0.15,
  withPoint: 0.3,
  withAddress: 0.4,
} as const;

/** Returns a function that builds the next request body (a JSON string); each one differs. */
export function reportBodies(ref: Reference, seed = 1): () => string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const today = Date.now();
  let n = 0;
  return () => {
    n++;
    const topic = pick(TOPICS);
    const place = pick(PLACES);
    const sentences = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(SENTENCES));
    const inst = rnd() < MIX.withInstitution ? pick(ref.institutions) : null;
    const anonymous = rnd() < MIX.anonymous;
    const r = rnd();
    const type = r < 0.7 ? 'complaint' : r < 0.9 ? 'aspiration' : 'information_request';
    // Up to 60 days back, as a UTC date: never in the future for any Indonesian time zone.
    const incidentDate = new Date(today - Math.floor(rnd() * 60) * 86_400_000).toISOString().slice(0, 10);
    const point = rnd() < MIX.withPoint ? pick(POINTS) : null;
    const name = pick(NAMES);
    const body: Record<string, unknown> = {
      type,
      title: `${topic} di ${place} (#${n})`,
      body: `${topic} di ${place}. ${sentences.join(' ')}`,
      incidentDate,
      location: {
        regionCode: inst ? inst.regionCode : pick(ref.regionCodes),
        ...(rnd() < MIX.withAddress ? { address: `${place} No. ${1 + (n % 200)}` } : {}),
        ...(point ? { lat: point[0] + rnd() * 0.02, lng: point[1] + rnd() * 0.02 } : {}),
      },
      categoryId: pick(ref.categoryIds),
      ...(inst ? { institutionId: inst.id } : {}),
      isAnonymous: anonymous,
      isConfidential: rnd() < MIX.confidential,
      language: rnd() < 0.9 ? 'id' : 'en',
    };
    if (!anonymous)
      body.reporter = {
        name,
        ...(rnd() < 0.5 ? { email: `pelapor${n}@contoh.id` } : {}),
        ...(rnd() < 0.5 ? { phone: `0812${String(10_000_000 + (n % 89_999_999)).slice(0, 8)}` } : {}),
      };
    return JSON.stringify(body);
  };
}

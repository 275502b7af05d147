/** Placeholder home page until the web app issue: says what Pintu is and points to the API. */
import { useEffect, useState } from 'react';

export function App() {
  const [count, setCount] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetch('/api/v1/reports?pageSize=1')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((d: { total: number }) => setCount(d.total))
      .catch(() => setFailed(true));
  }, []);
  return (
    <main>
      <header>
        <h1>Pintu</h1>
        <p className="tagline">Satu pintu untuk pengaduan dan aspirasi pelayanan publik.</p>
      </header>
      <p>
        Sampaikan keluhan, aspirasi, atau permintaan informasi. Laporan Anda diteruskan ke instansi yang
        berwenang dan ditindaklanjuti dalam batas hari kerja.
      </p>
      <a className="cta" href="/api/docs">
        Laporkan!
      </a>
      <p role="status" aria-live="polite">
        {failed
          ? 'Server tidak dapat dihubungi. Coba lagi sebentar lagi.'
          : count === null
            ? 'Memuat…'
            : `${count.toLocaleString('id-ID')} laporan publik tercatat.`}
      </p>
      <footer>
        <a href="/api/docs">Dokumentasi API</a> ·{' '}
        <span lang="en">Open-source public-service complaints system</span>
      </footer>
    </main>
  );
}

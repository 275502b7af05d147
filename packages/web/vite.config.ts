import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': process.env.PINTU_API ?? 'http://localhost:3000' } },
  // The manifest lets scripts/check-bundle.mjs measure what an initial citizen page loads.
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 700 },
});

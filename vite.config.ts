import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';

const bffPort = process.env.BFF_PORT ?? process.env.PORT ?? '8080';

// The SPA lives in apps/web; the BFF serves the built files from apps/web/dist (or WEB_DIST) in production.
export default defineConfig({
  root: fileURLToPath(new URL('./apps/web', import.meta.url)),
  plugins: [react(), tailwindcss()],
  build: { outDir: process.env.WEB_DIST ?? 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${bffPort}`, changeOrigin: false } },
  },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
/** Where `npm run dev` proxies API calls (the Fastify server). */
const apiTarget = process.env.LOKET_API_URL ?? 'http://127.0.0.1:3000';

/**
 * One SPA (src/web/index.html + main.tsx). Pages are split per route with React.lazy, so the
 * kiosk and display pages load only the shell (React, Mantine core, router, i18n, query) and their
 * own chunk, never the staff admin.
 */
export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 4096,
    // The budget that matters is per page (kiosk/display ≤ 250 KB gzipped), not per chunk.
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: {
      // SSE streams pass through the proxy unbuffered.
      '/api': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/metrics': { target: apiTarget, changeOrigin: false },
    },
  },
});

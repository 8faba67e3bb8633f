import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
/** Where `npm run dev` proxies API calls (the Fastify server). */
const apiTarget = process.env.LOKET_API_URL ?? 'http://127.0.0.1:3000';

/**
 * One SPA (src/web/index.html + main.tsx). Pages are split per route with React.lazy, so the
 * kiosk and display pages load only the shell (React, Mantine core, router, i18n, query) and their
 * own chunk, never the staff admin.
 */
const config = {
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
} satisfies UserConfig;

export default defineConfig(({ command }) => {
  // A build is always a production build, whatever NODE_ENV the caller has (`NODE_ENV=development
  // npm start` used to ship React's development build, ~35 % more JavaScript on the kiosk). Vite
  // reads NODE_ENV after loading this file; only `npm run dev` (the dev server) serves
  // development code.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});

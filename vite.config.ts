import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Two entries built into dist/web: the staff console (`index.html`, served at `/`) and
 * the candidate portal (`portal.html`, served at `/portal*`). The server adds a strict
 * CSP (`script-src 'self'`), so nothing here may rely on inline scripts.
 */
export default defineConfig({
  root: here('./web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    // The console's initial JS budget is 400 KB gzipped (checked by the browser test).
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        console: here('./web/index.html'),
        portal: here('./web/portal.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The portal's stylesheet goes into portal.html itself: on a slow mobile link a separate
 * render-blocking CSS request costs a whole round trip before anything is painted. (The
 * CSP allows inline styles, never inline scripts.)
 */
function inlinePortalCss(): Plugin {
  return {
    name: 'preboard:inline-portal-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('portal.html')) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = ctx.bundle![file];
          return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : tag;
        });
      },
    },
  };
}

/**
 * gzip and brotli copies beside each text asset, served by the server when the client
 * accepts them. Made from the files as written (after every other plugin's last pass),
 * so a copy never differs from its original.
 */
function precompress(): Plugin {
  return {
    name: 'preboard:precompress',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle) {
      const dir = options.dir ?? here('./dist/web');
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(source));
      }
    },
  };
}

export default defineConfig({
  root: here('./web'),
  base: '/',
  plugins: [react(), inlinePortalCss(), precompress()],
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

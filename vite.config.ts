import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

// During `npx vite` development the API lives in a running web edition; point LICENCE_DESK_API at it
// (e.g. http://127.0.0.1:5123) and open the dev server with the printed `#token=...` fragment appended.
const apiTarget = process.env.LICENCE_DESK_API;

export default defineConfig({
  root: `${here}renderer`,
  // Relative asset URLs: the same bundle is loaded from app://bundle/ in Electron and over http in the web edition.
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}dist/renderer`,
    emptyOutDir: true,
    // Electron 45 and Debian's Chromium are the only engines that load this bundle.
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    proxy: apiTarget
      ? {
          '/api/': {
            target: apiTarget,
            changeOrigin: true,
            // renderer/api/*.ts modules are served under /api/ too; only the API calls are POSTs.
            bypass: (req) => (req.method === 'POST' ? undefined : req.url),
          },
        }
      : undefined,
  },
  preview: { host: '127.0.0.1' },
});

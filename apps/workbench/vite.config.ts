// Vite settings of the workbench, read by `npm run dev:workbench` and by the build that `npm run build` runs
// (buildWorkbench in libs/local-infra). The dev server proxies the API to a running platform, so the browser sees
// one origin, as it does when the gateway serves the build.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const GATEWAY_URL = process.env.SWITCHBOARD_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // @switchboard/sdk and the other aliases of tsconfig.base.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/workbench', import.meta.url)),
    emptyOutDir: true,
    // Assets are served with a year-long cache under content-hashed names (see the gateway's workbench mount).
    assetsDir: 'assets',
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/v1': GATEWAY_URL, '/docs': GATEWAY_URL },
  },
});

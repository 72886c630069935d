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
    rolldownOptions: {
      output: {
        // The libraries change far less often than the app: in chunks of their own, a new release of the workbench
        // leaves them cached. (The first load fetches them all the same; its budget is checked by workbench-e2e.)
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@tabler|@floating-ui)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/v1': GATEWAY_URL, '/docs': GATEWAY_URL },
  },
});

import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

// package.json holds the one version: the CLI, the npm package and the extension all take it from there.
export default defineConfig({
  plugins: [preact(), crx({ manifest: { ...manifest, version: packageJson.version } })],
  build: {
    outDir: 'dist/extension',
    emptyOutDir: true,
    // A source map would ship every string of the worker a second time.
    sourcemap: false,
    // Pages the manifest does not name: the offscreen clipboard, the sign-in handoff, the approval prompt.
    rollupOptions: {
      input: {
        offscreen: 'extension/offscreen/index.html',
        handoff: 'extension/handoff/index.html',
        approve: 'extension/approve/index.html',
      },
    },
  },
  // crxjs serves the dev build over a websocket on this port; keep it off the demo portal's.
  server: { port: 5174, strictPort: true },
});

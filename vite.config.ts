import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { firefoxManifest } from './scripts/firefox-manifest';

// `vite build` makes the Chromium extension; `vite build --mode firefox` the Firefox add-on from
// the same sources and the same manifest, transformed in scripts/firefox-manifest.ts.
// package.json holds the one version: the CLI, the npm package and both builds take it from there.
const versioned = { ...manifest, version: packageJson.version };

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [preact(), firefox ? crx({ manifest: firefoxManifest(versioned), browser: 'firefox' }) : crx({ manifest: versioned })],
    // The background's browser-specific paths are chosen at build time (extension/background/target.ts),
    // so each build carries only its own.
    define: { __FIREFOX__: JSON.stringify(firefox) },
    build: {
      outDir: firefox ? 'dist/firefox' : 'dist/extension',
      emptyOutDir: true,
      // A source map would ship every string of the worker a second time.
      sourcemap: false,
      // Pages the manifest does not name: the sign-in handoff, the approval prompt, and for
      // Chromium the offscreen clipboard (Firefox's background page has a DOM of its own).
      rollupOptions: {
        input: {
          ...(firefox ? {} : { offscreen: 'extension/offscreen/index.html' }),
          handoff: 'extension/handoff/index.html',
          approve: 'extension/approve/index.html',
        },
      },
    },
    // crxjs serves the dev build over a websocket on this port; keep it off the demo portal's.
    server: { port: 5174, strictPort: true },
  };
});

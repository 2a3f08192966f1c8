import { build } from 'vite';

/**
 * Both browsers' builds from the same sources, in one process (vite.config.ts): the Chromium
 * extension (dist/extension) and the Firefox add-on (dist/firefox, `--mode firefox`).
 *
 * vite.config.ts imports the Firefox manifest transform, which imports the add-on ID from
 * src/ by extensionless paths as the rest of the code does; vite's bundling config loader
 * (today's default) resolves them, and its warning about a future native loader that would not
 * is not for us to act on in each build.
 */
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

for (const mode of ['production', 'firefox']) {
  await build({ mode, logLevel: 'warn' });
}

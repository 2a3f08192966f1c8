import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lintFirefoxArchive } from '../../scripts/package/firefox-lint';

const manifest = (fields: Record<string, unknown>) => strToU8(JSON.stringify({ manifest_version: 3, name: 'Lint probe', version: '1.0.0', ...fields }));
const gecko = { browser_specific_settings: { gecko: { id: 'lint-probe@duplocloud.net', data_collection_permissions: { required: ['none'] } } } };

describe('the Firefox archive check (web-ext lint)', () => {
  it('passes an archive the store takes, counting its warnings', async () => {
    expect(await lintFirefoxArchive(zipSync({ 'manifest.json': manifest(gecko) }))).toEqual({ warnings: 0 });
  });

  it('refuses an archive with errors, naming each', async () => {
    // A background service worker alone is an error for Firefox, which runs background scripts.
    const archive = zipSync({ 'manifest.json': manifest({ ...gecko, background: { service_worker: 'worker.js' } }), 'worker.js': strToU8('') });
    await expect(lintFirefoxArchive(archive)).rejects.toThrow(
      'web-ext lint found 1 error(s) in the Firefox archive: BACKGROUND_SERVICE_WORKER_NOFALLBACK manifest.json: Unsupported "/background/service_worker" manifest property used without "/background/scripts" property as Firefox-compatible fallback.',
    );
  });
});

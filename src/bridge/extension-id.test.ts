import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionId } from './extension-id';

describe('extensionId', () => {
  it('is the ID Chromium derives from the manifest key', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as { key: string };
    // Chromium: the first 32 hex digits of sha256(DER public key), each digit 0-f mapped to a-p.
    const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
    const derived = [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
    expect(derived).toBe(extensionId);
  });
});

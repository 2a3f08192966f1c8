import { describe, expect, it } from 'vitest';
import { hostCaller } from './caller';

describe('hostCaller', () => {
  it("names Chromium's extension by its origin, with or without Windows' parent window", () => {
    expect(hostCaller(['chrome-extension://abc/'])).toBe('chrome-extension://abc/');
    expect(hostCaller(['chrome-extension://abc/', '--parent-window=0'])).toBe('chrome-extension://abc/');
  });

  it("names Firefox's add-on by its ID, with the manifest the browser read", () => {
    expect(hostCaller(['/home/u/.mozilla/native-messaging-hosts/x.json', 'duplo-jit-bridge@duplocloud.net'])).toBe(
      'Firefox add-on duplo-jit-bridge@duplocloud.net (host manifest /home/u/.mozilla/native-messaging-hosts/x.json)',
    );
  });

  it('says nothing it was not given', () => {
    expect(hostCaller([])).toBe('');
  });
});

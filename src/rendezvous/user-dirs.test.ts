import { homedir } from 'node:os';
import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userCacheDir, windowsLocalAppData } from './user-dirs';

describe('windowsLocalAppData', () => {
  const home = 'C:\\Users\\ann';

  it('takes %LOCALAPPDATA%, and the home folder\'s AppData\\Local when it is unset or empty', () => {
    expect(windowsLocalAppData({ env: { LOCALAPPDATA: 'D:\\Local' }, homedir: home })).toBe('D:\\Local');
    expect(windowsLocalAppData({ env: {}, homedir: home })).toBe('C:\\Users\\ann\\AppData\\Local');
    expect(windowsLocalAppData({ env: { LOCALAPPDATA: '' }, homedir: home })).toBe('C:\\Users\\ann\\AppData\\Local');
  });

  it('is the cache folder on Windows', () => {
    expect(userCacheDir({ LOCALAPPDATA: '' }, 'win32')).toBe(win32.join(homedir(), 'AppData', 'Local'));
  });
});

import { describe, expect, it } from 'vitest';
import { peekFlag } from './peek-flag';

describe('peekFlag', () => {
  it('finds a flag as parseFlagValues reads it, without checking the rest', () => {
    expect(peekFlag(['-host', 'https://a.example', '--bogus'], 'host', 'string')).toBe('https://a.example');
    expect(peekFlag(['--host=https://a.example', '-host=https://b.example'], 'host', 'string')).toBe('https://b.example');
    expect(peekFlag(['--host'], 'host', 'string')).toBe('');
    expect(peekFlag(['-hostname', 'x'], 'host', 'string')).toBeUndefined();
    expect(peekFlag(['-debug', 'stray'], 'debug', 'boolean')).toBe(true);
    expect(peekFlag(['--debug=True'], 'debug', 'boolean')).toBe(true);
    expect(peekFlag(['--debug', '--debug=0'], 'debug', 'boolean')).toBe(false);
    expect(peekFlag(['--admin'], 'debug', 'boolean')).toBeUndefined();
  });
});

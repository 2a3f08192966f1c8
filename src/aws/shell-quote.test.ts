import { describe, expect, it } from 'vitest';
import { cmdEscape, fishQuote, hasControlCharacter, posixQuote, posixQuotedWord, posixUnquote, powershellQuote } from './shell-quote';

describe('posixQuote', () => {
  it.each([
    ['', "''"],
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ["''", "''\\'''\\'''"],
    ['$HOME `id` \\ " !', "'$HOME `id` \\ \" !'"],
  ])('quotes %j', (value, quoted) => {
    expect(posixQuote(value)).toBe(quoted);
  });

  it.each(['', 'plain', "it's", "''", "'$HOME' `id` \\ \" !"])('is read back whole by posixQuotedWord and posixUnquote: %j', (value) => {
    const found = new RegExp(`^x (${posixQuotedWord}) y$`).exec(`x ${posixQuote(value)} y`);
    expect(posixUnquote(found![1]!)).toBe(value);
  });
});

describe('fishQuote', () => {
  it.each([
    ['', "''"],
    ["it's", "'it\\'s'"],
    ['a\\b', "'a\\\\b'"],
    ["\\'", "'\\\\\\''"],
    ['$HOME (id) " !', "'$HOME (id) \" !'"],
  ])('quotes %j', (value, quoted) => {
    expect(fishQuote(value)).toBe(quoted);
  });
});

describe('powershellQuote', () => {
  it.each([
    ['', "''"],
    ["it's", "'it''s'"],
    ['\u2018a\u2019b\u201Ac\u201Bd', "'\u2018\u2018a\u2019\u2019b\u201A\u201Ac\u201B\u201Bd'"],
    ['$Env:PATH `n " \\', "'$Env:PATH `n \" \\'"],
    ['\u201Cdouble\u201D', "'\u201Cdouble\u201D'"],
  ])('quotes %j', (value, quoted) => {
    expect(powershellQuote(value)).toBe(quoted);
  });
});

describe('cmdEscape', () => {
  it.each([
    ['plain/KEY+0=', 'plain/KEY+0='],
    ['^&|<>()"', '^^^&^|^<^>^(^)^"'],
    ['%PATH%', '%^PATH%'],
    ['%%x', '%^%^x'],
    ['a%', 'a%'],
    ['%&', '%^&'],
    ['%"%', '%^"%'],
    ['%^', '%^^'],
    ["$ ' ` ! \\ ;", "$ ' ` ! \\ ;"],
  ])('escapes %j', (value, escaped) => {
    expect(cmdEscape(value)).toBe(escaped);
  });

  it('puts a caret right after every percent sign, so no %NAME% can name a variable', () => {
    const escaped = cmdEscape('%a%%b%c%%%d%');
    expect(escaped).toBe('%^a%^%^b%^c%^%^%^d%');
    expect(escaped.match(/%(?!\^|$)/g)).toBe(null);
  });
});

describe('hasControlCharacter', () => {
  it.each(['\n', '\r', '\t', '\0', '\u001b', '\u007f', '\u0085', 'a\u009fb'])('finds %j', (value) => {
    expect(hasControlCharacter(value)).toBe(true);
  });

  it.each(['', 'plain', ' ', '\u00a0', '\u2028', 'é€😀'])('passes %j', (value) => {
    expect(hasControlCharacter(value)).toBe(false);
  });
});

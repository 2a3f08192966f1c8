import { describe, expect, it } from 'vitest';
import { parseHandoffBody } from './handoff-body';

describe("the body of the portal page's POST handoff", () => {
  it('reads the token, or the token and OTP, and says what is wrong with any other body', () => {
    expect(parseHandoffBody('token', 'abc+/=')).toEqual({ ok: true, token: 'abc+/=' });
    expect(parseHandoffBody('token-and-otp', '{"token":"abc","otp":"123456"}')).toEqual({ ok: true, token: 'abc', otp: '123456' });
    expect(parseHandoffBody('token-and-otp', '{"token":"abc","otp":""}')).toEqual({ ok: true, token: 'abc' });
    expect(parseHandoffBody('token-and-otp', '{"token":"abc"}')).toEqual({ ok: true, token: 'abc' });
    for (const text of ['has space', 'line\n', 'ü']) expect(parseHandoffBody('token', text)).toEqual({ ok: false, reason: 'the body is not a portal token' });
    expect(parseHandoffBody('token-and-otp', 'abc')).toEqual({ ok: false, reason: 'the body is not JSON' });
    for (const text of ['null', '[]', '{"otp":"123456"}', '{"token":""}', '{"token":7}']) {
      expect(parseHandoffBody('token-and-otp', text)).toEqual({ ok: false, reason: 'the body has no portal token in "token"' });
    }
    for (const otp of ['12', '12345a', 123456, '1234567890123']) {
      expect(parseHandoffBody('token-and-otp', JSON.stringify({ token: 'abc', otp }))).toEqual({ ok: false, reason: 'the "otp" in the body is not 4 to 12 digits' });
    }
  });
});

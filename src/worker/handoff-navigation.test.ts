import { describe, expect, it } from 'vitest';
import { readHandoffNavigation } from './handoff';

describe('readHandoffNavigation', () => {
  it('reads the token of the handoff navigation on either loopback name, decoded once', () => {
    expect(readHandoffNavigation('http://localhost:53791/?t=abc%2Bdef')).toEqual({ token: 'abc+def' });
    expect(readHandoffNavigation('http://127.0.0.1:53791/?t=tok')).toEqual({ token: 'tok' });
  });

  it('ignores other ports, hosts, paths and a missing token', () => {
    for (const url of ['http://localhost:8080/?t=tok', 'http://evil.test:53791/?t=tok', 'http://localhost:53791/x?t=tok', 'http://localhost:53791/?t=', 'http://localhost:53791/'])
      expect(readHandoffNavigation(url)).toBeUndefined();
  });
});

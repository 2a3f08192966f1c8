import { describe, expect, it } from 'vitest';
import { PortalError } from './errors';
import { withHandoffToken } from './handoff-token';

/** A portal that knows one token: `use` answers it, refuses any other as a bad token. */
const portalKnowing = (known: string) => {
  const tried: string[] = [];
  const use = async (token: string) => {
    tried.push(token);
    if (token !== known) throw new PortalError('UNAUTHORIZED', { endpoint: 'v3/features/system', status: 401 });
    return `signed in`;
  };
  return { tried, use };
};

describe('withHandoffToken', () => {
  it('takes the token as received when the portal accepts it, with one call', async () => {
    const portal = portalKnowing('a+b/c=');
    expect(await withHandoffToken('a+b/c=', portal.use)).toBe('signed in');
    expect(portal.tried).toEqual(['a+b/c=']);
  });

  it('tries the once-more-decoded form of a twice-encoded token once', async () => {
    const portal = portalKnowing('a+b/c=');
    expect(await withHandoffToken('a%2Bb%2Fc%3D', portal.use)).toBe('signed in');
    expect(portal.tried).toEqual(['a%2Bb%2Fc%3D', 'a+b/c=']);
  });

  it('does not try again when decoding changes nothing or is not valid encoding', async () => {
    for (const received of ['plain-token', 'bad%zzencoding']) {
      const portal = portalKnowing('other');
      await expect(withHandoffToken(received, portal.use)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      expect(portal.tried).toEqual([received]);
    }
  });

  it('keeps a failure that is not a refused token, without a second call', async () => {
    const tried: string[] = [];
    const down = async (token: string) => {
      tried.push(token);
      throw new PortalError('PORTAL_UNAVAILABLE', { status: 503 });
    };
    await expect(withHandoffToken('a%2Bb', down)).rejects.toMatchObject({ code: 'PORTAL_UNAVAILABLE' });
    expect(tried).toEqual(['a%2Bb']);
  });

  it('reports the refusal of the decoded form when both are refused', async () => {
    const portal = portalKnowing('other');
    await expect(withHandoffToken('a%2Bb', portal.use)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(portal.tried).toEqual(['a%2Bb', 'a+b']);
  });
});

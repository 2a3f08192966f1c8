import { sdkRefreshMarginSeconds, type CredentialProcessOutput } from './credential-process';

const sdkMarginMs = sdkRefreshMarginSeconds * 1000;

/**
 * When held keys are renewed: 15 minutes before they end, as the SDKs do, but never more than a
 * third of their life before, so that 90-second keys are renewed once per life, not per request.
 */
export function renewalTime(fetchedAt: number, expiresAt: number): number {
  return expiresAt - Math.min(sdkMarginMs, Math.max(0, expiresAt - fetchedAt) / 3);
}

export interface RefreshingCredentialsOptions {
  /** Fresh keys from the bridge or the portal; may ask the user once. */
  readonly fetch: () => Promise<CredentialProcessOutput>;
  readonly now: () => number;
  /** A renewal failed while the held keys still work: they are served, and this hears why. */
  readonly onStaleServed: (error: unknown) => void;
}

interface Held {
  readonly keys: CredentialProcessOutput;
  readonly renewAt: number;
  readonly expiresAt: number;
}

/**
 * The keys a long run hands out, renewed on demand: asked for past their renewal time, they are
 * fetched again (one fetch shared by concurrent asks), and while a renewal fails the old keys
 * are served until they end. Nothing is fetched while nobody asks.
 */
export function createRefreshingCredentials({ fetch, now, onStaleServed }: RefreshingCredentialsOptions) {
  let held: Held | undefined;
  let flight: Promise<Held> | undefined;

  const renew = (): Promise<Held> => {
    flight ??= fetch()
      .then((keys) => {
        const expiresAt = Date.parse(keys.Expiration);
        held = { keys, renewAt: renewalTime(now(), expiresAt), expiresAt };
        return held;
      })
      .finally(() => {
        flight = undefined;
      });
    return flight;
  };

  return {
    async current(): Promise<CredentialProcessOutput> {
      const before = held;
      if (before && now() < before.renewAt) return before.keys;
      try {
        return (await renew()).keys;
      } catch (error) {
        if (!before || now() >= before.expiresAt) throw error;
        onStaleServed(error);
        return before.keys;
      }
    },
  };
}

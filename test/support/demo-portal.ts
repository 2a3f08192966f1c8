import { afterAll, beforeAll } from 'vitest';
import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from '../portal/index';

export interface DemoPortalFixture {
  readonly portal: DemoPortal;
  /** A fresh session token of the admin fixture user. */
  readonly admin: string;
  /** A fresh session token of the tenant user. */
  readonly dev: string;
}

/** Starts a demo portal for the file's tests and signs both users in; stops it afterwards. */
export function useDemoPortal(options: DemoPortalOptions = {}): DemoPortalFixture {
  let state: DemoPortalFixture | undefined;
  beforeAll(async () => {
    const portal = await startDemoPortal(options);
    state = { portal, admin: portal.login('admin@duplo.demo'), dev: portal.login('dev@duplo.demo') };
  });
  afterAll(() => state?.portal.stop());
  const current = (): DemoPortalFixture => {
    if (!state) throw new Error('the demo portal is used before beforeAll started it');
    return state;
  };
  return {
    get portal() {
      return current().portal;
    },
    get admin() {
      return current().admin;
    },
    get dev() {
      return current().dev;
    },
  };
}

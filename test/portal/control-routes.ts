import { z } from 'zod';
import { FaultRulesSchema } from './faults';
import { findUser } from './fixtures';
import type { DemoPortal } from './index';
import { jsonReply, messageReply, methodNotAllowed, noContent, notFound } from './reply';
import type { Reply } from './reply';

export type DemoControls = Pick<DemoPortal, 'setFaults' | 'counters' | 'reset' | 'expireSessions' | 'login'>;

const LoginRequestSchema = z.strictObject({ username: z.string().min(1), ttlMs: z.int().min(1).optional() });

type ControlHandler = (readJson: () => Promise<unknown>, controls: DemoControls) => Reply | Promise<Reply>;

/** The library API over HTTP, for tests that drive the portal from another process or a browser. */
const controlRoutes = new Map<string, { method: 'GET' | 'POST'; handle: ControlHandler }>(Object.entries({
  '/__demo/faults': {
    method: 'POST',
    handle: async (readJson, controls) => {
      const rules = FaultRulesSchema.safeParse(await readJson());
      if (!rules.success) return messageReply(400, `Invalid fault rules: ${z.prettifyError(rules.error)}`);
      controls.setFaults(rules.data);
      return noContent();
    },
  },
  '/__demo/counters': { method: 'GET', handle: (_readJson, controls) => jsonReply(200, controls.counters()) },
  '/__demo/reset': {
    method: 'POST',
    handle: (_readJson, controls) => {
      controls.reset();
      return noContent();
    },
  },
  '/__demo/expire-sessions': {
    method: 'POST',
    handle: (_readJson, controls) => {
      controls.expireSessions();
      return noContent();
    },
  },
  '/__demo/login': {
    method: 'POST',
    handle: async (readJson, controls) => {
      const login = LoginRequestSchema.safeParse(await readJson());
      if (!login.success) return messageReply(400, `Invalid login request: ${z.prettifyError(login.error)}`);
      const { username, ttlMs } = login.data;
      if (!findUser(username)) return messageReply(400, `No demo user named "${username}"`);
      return jsonReply(200, { token: controls.login(username, { ttlMs }) });
    },
  },
}));

export async function controlReply(method: string | undefined, pathname: string, readJson: () => Promise<unknown>, controls: DemoControls): Promise<Reply> {
  const route = controlRoutes.get(pathname);
  if (!route) return notFound();
  if (method !== route.method) return methodNotAllowed(route.method);
  return route.handle(readJson, controls);
}

import { z } from 'zod';
import { findUser } from '../fixtures';
import type { Route } from '../context';
import { jsonReply, messageReply } from '../reply';

const LoginSchema = z.object({ username: z.string(), password: z.string() });

/** The demo's own backend for its pages; not part of the portal contract, so not counted. */
export const appApiRoutes: readonly Route[] = [
  {
    path: '/app/api/login',
    method: 'POST',
    handle: async (request, context) => {
      const parsed = LoginSchema.safeParse(await request.readJson());
      if (!parsed.success) return messageReply(400, 'Expected {"username": string, "password": string}');
      const user = findUser(parsed.data.username);
      if (!user || user.password !== parsed.data.password) return messageReply(401, 'Wrong username or password');
      return jsonReply(200, { token: context.sessions.issue(user.username) });
    },
  },
  {
    path: '/app/api/whoami',
    method: 'GET',
    handle: (request, context) => {
      const user = context.sessions.userFor(request.headers.authorization);
      return user ? jsonReply(200, { username: user.username, role: user.role }) : messageReply(401, 'Unauthorized');
    },
  },
];

import type { DemoPortal } from './index';

/** What a person needs to use the demo portal: where it is and how to sign in. */
export function demoPortalBanner(portal: DemoPortal): string {
  const users = portal.users.map(
    (user) => `  ${user.role.padEnd(5)}  ${user.username}  password: ${user.password}  (${user.tenants.length} tenants)`,
  );
  return [`DuploCloud demo portal: ${portal.url}  (sign in at ${portal.url}/app/login)`, ...users].join('\n');
}

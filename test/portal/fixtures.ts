export interface DemoPlan {
  readonly id: string;
  readonly region: string;
}

export interface DemoTenant {
  readonly id: string;
  readonly name: string;
  readonly plan: DemoPlan;
}

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly role: 'admin' | 'user';
  /** Names of the tenants the user may access; an admin has all of them. */
  readonly tenants: readonly string[];
}

export const awsAccount = '482913570264';
// Distinct from both plan regions, so a client that puts an admin session in a plan's region shows.
export const defaultAwsRegion = 'us-east-2';
export const awsRegions = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1'] as const;

const nonprod: DemoPlan = { id: 'nonprod', region: 'us-west-2' };
const prod: DemoPlan = { id: 'prod', region: 'us-east-1' };

// Fixed IDs: tests, caches and bookmarks must see the same tenant after a restart.
export const demoTenants: readonly DemoTenant[] = [
  { id: '0e15330f-3ccd-4c7b-8f4d-c6226c82e71b', name: 'dev01', plan: nonprod },
  { id: '70d768ca-c170-4fc3-a6ec-363110577a9e', name: 'dev02', plan: nonprod },
  { id: '04d7df4e-b395-428e-a40b-33eb96e69d44', name: 'dev03', plan: nonprod },
  { id: '11d43ecb-7898-4bdf-8503-1bd841e336e8', name: 'qa', plan: nonprod },
  { id: '38f0d6a1-477e-456e-873e-435006320f12', name: 'qa-perf', plan: nonprod },
  { id: 'c96e486d-d0bf-4747-9ded-65b1ad11729e', name: 'uat', plan: nonprod },
  { id: 'ab6e1a6b-0095-47fc-8bab-c53f4c3a6e1a', name: 'staging', plan: nonprod },
  { id: '1969f374-8997-4909-8dce-c10364e7f742', name: 'sandbox', plan: nonprod },
  { id: 'a241d166-10bc-4336-8b4a-d2ba56f4935b', name: 'demo', plan: nonprod },
  { id: '0cb175f3-2ae8-4737-9216-30a28dbff513', name: 'prod', plan: prod },
  { id: '593014aa-06db-46aa-affc-ac07ebb01825', name: 'payments-prod', plan: prod },
  { id: '03e080be-78b6-4959-86ec-7d3fd33bb898', name: 'billing-prod', plan: prod },
  { id: 'e1ba39f7-a6d2-4aa3-8cc0-1c4e53c0ae76', name: 'data-prod', plan: prod },
  { id: '886d1aea-8d07-4506-b5a6-70f0aa248c5a', name: 'edge-prod', plan: prod },
];

export const demoUsers: readonly DemoUser[] = [
  { username: 'admin@duplo.demo', password: 'admin-demo-pass', role: 'admin', tenants: demoTenants.map((tenant) => tenant.name) },
  { username: 'dev@duplo.demo', password: 'dev-demo-pass', role: 'user', tenants: ['dev01', 'qa', 'staging'] },
];

export function findUser(username: string): DemoUser | undefined {
  return demoUsers.find((user) => user.username === username);
}

export function tenantsOf(user: DemoUser): DemoTenant[] {
  return demoTenants.filter((tenant) => user.tenants.includes(tenant.name));
}

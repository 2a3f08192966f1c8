import type { Reply } from '../reply';
import { clientScript } from './client-script';
import { htmlPage } from './layout';

const script = `${clientScript}
byId('sign-out').addEventListener('click', () => {
  session.clear();
  location.assign('/app/login');
});
function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}
api('/app/api/whoami').then((me) => { byId('who').textContent = me.username + ' (' + me.role + ')'; });
api('/admin/GetTenantsForUser').then(
  (tenants) => {
    const rows = byId('tenant-rows');
    for (const tenant of tenants) {
      const row = document.createElement('tr');
      row.dataset.tenantId = tenant.TenantId;
      row.append(cell(tenant.AccountName), cell(tenant.TenantId), cell(tenant.PlanID));
      rows.append(row);
    }
    byId('tenant-count').textContent = tenants.length + ' tenants';
  },
  (error) => { byId('home-error').textContent = 'Could not load tenants: ' + error.message; },
);
`;

export function homePage(): Reply {
  return htmlPage({
    title: 'Tenants · DuploCloud (demo)',
    main: `<div class="row"><h1>Tenants</h1><button id="sign-out" class="secondary" type="button">Sign out</button></div>
<p class="muted">Signed in as <b id="who">…</b> · <span id="tenant-count"></span></p>
<p id="home-error" class="error" role="alert"></p>
<table id="tenants"><thead><tr><th>Name</th><th>Tenant ID</th><th>Plan</th></tr></thead><tbody id="tenant-rows"></tbody></table>`,
    script,
  });
}

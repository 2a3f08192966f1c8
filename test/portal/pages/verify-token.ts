import type { Reply } from '../reply';
import { clientScript } from './client-script';
import { escapeHtml, htmlPage } from './layout';

const title = 'Authorize a local program · DuploCloud (demo)';

// Signed out, api() sends the visitor to login with this very URL as returnTo, so they come back here.
const script = `${clientScript}
const prompt = byId('verify');
api('/app/api/whoami').then((me) => {
  byId('who').textContent = me.username + ' (' + me.role + ')';
  prompt.hidden = false;
});
byId('authorize').addEventListener('click', () => {
  const token = session.get();
  if (!token) return goToLogin();
  location.assign('http://localhost:' + prompt.dataset.localPort + '/?t=' + encodeURIComponent(token));
});
`;

/** The portal's verify-token handoff page (docs/architecture.md, "The portal's API"): the signed-in user sends their token to a program on this machine. */
export function verifyTokenPage(query: URLSearchParams): Reply {
  const app = query.get('localAppName') || 'a local program';
  const portText = query.get('localPort') ?? '';
  if (query.get('success') === 'true') {
    return htmlPage({ title, main: `<h1 id="authorized">Authorized — you can close this tab.</h1><p class="muted">${escapeHtml(app)} received your sign-in.</p>` });
  }
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : 0;
  if (port < 1 || port > 65535) {
    return htmlPage({
      title,
      status: 400,
      main: `<h1>Cannot authorize</h1><p id="verify-error" class="error">localPort must be a number from 1 to 65535 (got "${escapeHtml(portText)}").</p>`,
    });
  }
  const scope = query.get('isAdmin') === 'true' ? '<p id="admin-request"><b>Administrator access</b> is requested.</p>' : '';
  return htmlPage({
    title,
    main: `<h1>Authorize a local program</h1>
<section id="verify" data-local-port="${port}" data-local-app="${escapeHtml(app)}" hidden>
<p><b id="local-app">${escapeHtml(app)}</b> on <code>localhost:<span id="local-port">${port}</span></code> asks to act as <b id="who">…</b> on this portal.</p>${scope}
<button id="authorize" type="button">Authorize</button> <a class="button secondary" href="/app/home">Cancel</a>
</section>`,
    script,
  });
}

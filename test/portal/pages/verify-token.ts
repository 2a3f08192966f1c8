import type { Reply } from '../reply';
import { clientScript } from './client-script';
import { escapeHtml, htmlPage } from './layout';

const title = 'Authorize a local program · DuploCloud (demo)';

/**
 * How the page hands the token over (docs/duplo-api.md, "The portal's token handoff"): today's
 * redirect to `/?t=`, the same with the token encoded twice, the older portals' POST of the
 * token, or the MFA portals' POST of `{ token, otp }` to `/v2/callbackWithOtp`.
 */
export const handoffModes = ['get', 'get-double-encoded', 'post', 'otp'] as const;
export type HandoffMode = (typeof handoffModes)[number];

const handOver: Record<HandoffMode, string> = {
  get: `location.assign(local + '/?t=' + encodeURIComponent(token));`,
  'get-double-encoded': `location.assign(local + '/?t=' + encodeURIComponent(encodeURIComponent(token)));`,
  post: `posted(fetch(local + '/', { method: 'POST', body: token }));`,
  otp: `posted(fetch(local + '/v2/callbackWithOtp', { method: 'POST', body: JSON.stringify({ token, otp: byId('otp').value }) }));`,
};

// Signed out, api() sends the visitor to login with this very URL as returnTo, so they come back here.
const script = (mode: HandoffMode) => `${clientScript}
const prompt = byId('verify');
const local = 'http://localhost:' + prompt.dataset.localPort;
api('/app/api/whoami').then((me) => {
  byId('who').textContent = me.username + ' (' + me.role + ')';
  prompt.hidden = false;
});
// After a POST the page itself moves on to the success step, as the redirect's answer does.
function posted(sent) {
  sent.then((answer) => {
    if (!answer.ok) throw new Error('answered ' + answer.status);
    const done = new URL(location.href);
    done.searchParams.delete('redirect');
    done.searchParams.set('success', 'true');
    location.assign(done.href);
  }).catch((error) => { byId('verify-error').textContent = 'The local program did not take the sign-in: ' + error.message; });
}
byId('authorize').addEventListener('click', () => {
  const token = session.get();
  if (!token) return goToLogin();
  ${handOver[mode]}
});
`;

/** The portal's verify-token handoff page (docs/architecture.md, "The portal's API"): the signed-in user sends their token to a program on this machine. */
export function verifyTokenPage(query: URLSearchParams, mode: HandoffMode): Reply {
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
${mode === 'otp' ? '<p><label>MFA code <input id="otp" inputmode="numeric" autocomplete="one-time-code"></label></p>' : ''}
<button id="authorize" type="button">Authorize</button> <a class="button secondary" href="/app/home">Cancel</a>
<p id="verify-error" class="error"></p>
</section>`,
    script: script(mode),
    ...(mode === 'post' || mode === 'otp' ? { connectTo: [`http://localhost:${port}`] } : {}),
  });
}

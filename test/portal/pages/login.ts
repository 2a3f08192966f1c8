import { demoUsers } from '../fixtures';
import type { Reply } from '../reply';
import { clientScript } from './client-script';
import { escapeHtml, htmlPage } from './layout';

// Only a path on this origin: an open redirect after login would hand the session to anyone's link.
const script = `${clientScript}
function returnTarget() {
  const wanted = new URLSearchParams(location.search).get('returnTo') || '';
  if (!wanted.startsWith('/') || wanted.startsWith('//') || wanted.startsWith('/\\\\')) return '/app/home';
  const target = new URL(wanted, location.origin);
  return target.origin === location.origin ? target.pathname + target.search + target.hash : '/app/home';
}
const form = byId('login-form');
for (const hint of document.querySelectorAll('[data-username]')) {
  hint.addEventListener('click', () => {
    form.username.value = hint.dataset.username;
    form.password.value = hint.dataset.password;
  });
}
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  byId('login-error').textContent = '';
  const response = await fetch('/app/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: form.username.value, password: form.password.value }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== 'string') {
    byId('login-error').textContent = body.Message || 'Sign-in failed (' + response.status + ')';
    return;
  }
  session.set(body.token);
  location.assign(returnTarget());
});
`;

export function loginPage(): Reply {
  const hints = demoUsers
    .map(
      (user) => `<tr><td><code>${escapeHtml(user.username)}</code></td><td><code>${escapeHtml(user.password)}</code></td><td>${user.role}</td>
<td><button type="button" class="secondary" data-username="${escapeHtml(user.username)}" data-password="${escapeHtml(user.password)}">Use</button></td></tr>`,
    )
    .join('');
  return htmlPage({
    title: 'Sign in · DuploCloud (demo)',
    mainAttributes: ' class="narrow"',
    main: `<h1>Sign in</h1>
<form id="login-form">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button id="sign-in" type="submit">Sign in</button> <span id="login-error" class="error" role="alert"></span>
</form>
<h2>Demo users</h2><table><tr><th>Username</th><th>Password</th><th>Role</th><th></th></tr>${hints}</table>`,
    script,
  });
}

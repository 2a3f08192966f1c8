import { askWorker } from '../shared/ask-worker';

const status = document.getElementById('status')!;
const token = new URLSearchParams(location.search).get('t');
// The token must not stay in the address bar or the tab's history.
history.replaceState(null, '', location.pathname);

if (!token) {
  status.textContent = 'This page completes a sign-in started from the DuploCloud JIT extension; there is nothing to do here.';
} else {
  void askWorker<string>({ type: 'handoff', token }).then((reply) => {
    // On success the worker closes this tab; this text shows only if that fails.
    status.textContent = reply.ok ? 'Signed in. You can close this tab.' : reply.error.message;
  });
}

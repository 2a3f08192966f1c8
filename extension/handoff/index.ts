/**
 * Where a sign-in tab goes when the portal refused the token it handed over: the service
 * worker received the token itself (background/sign-in.ts), so this page only says why.
 */
const statusLine = document.getElementById('status')!;
const failure = new URLSearchParams(location.search).get('error');
statusLine.textContent = failure
  ? `Sign-in failed: ${failure}`
  : 'This page completes a sign-in started from the DuploCloud JIT extension; there is nothing to do here.';

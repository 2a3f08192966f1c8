/**
 * Browser code every portal page starts with. Like the real single-page app, it keeps the
 * login token in localStorage and sends it as `Authorization: Bearer` on each API call:
 * that request is what the extension observes.
 */
export const clientScript = `
const tokenKey = 'duplo-demo-token';
const session = {
  get: () => localStorage.getItem(tokenKey),
  set: (token) => localStorage.setItem(tokenKey, token),
  clear: () => localStorage.removeItem(tokenKey),
};
const here = () => location.pathname + location.search;
function goToLogin() {
  location.assign('/app/login?returnTo=' + encodeURIComponent(here()));
  return new Promise(() => {});
}
async function api(path) {
  const token = session.get();
  if (!token) return goToLogin();
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token } });
  if (response.status === 401) {
    session.clear();
    return goToLogin();
  }
  if (!response.ok) throw new Error(path + ' answered ' + response.status);
  return response.json();
}
const byId = (id) => document.getElementById(id);
`;

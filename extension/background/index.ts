import browser from 'webextension-polyfill';

// The service worker grows in the next issue; for now it proves the build and the fixed ID.
browser.runtime.onInstalled.addListener(({ reason }) => {
  console.info(`DuploCloud JIT ${browser.runtime.getManifest().version} ${reason}`);
});

import { hostCaller } from './caller';
import { runHost } from './native-host';

// Chromium passes the extension's origin, Firefox the manifest path and the add-on ID (caller.ts).
const code = await runHost(hostCaller(process.argv.slice(2)));
process.exitCode = code;
// Everything is closed by now, so the process ends by itself; this only bounds a handle that lingers.
setTimeout(() => process.exit(code), 200).unref();

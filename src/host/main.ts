import { runHost } from './native-host';

// The browser passes the extension's origin as the only argument.
const code = await runHost(process.argv[2] ?? '');
process.exitCode = code;
// Everything is closed by now, so the process ends by itself; this only bounds a handle that lingers.
setTimeout(() => process.exit(code), 200).unref();

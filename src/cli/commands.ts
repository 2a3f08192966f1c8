/**
 * Every command but `aws`, and the portal client behind `aws --token`/`--interactive`, shipped as a second file beside the CLI bundle
 * (dist/node/duplo-jit-bridge-commands.cjs): `aws` runs once per AWS CLI command and never
 * needs them, and compiling them cost each `aws` run ~6 ms (BENCHMARKS.md).
 */
export { runHost } from '../host/native-host';
export { awsUsage } from './aws-usage';
export { mainUsage } from './main-usage';
export { hostCaller } from '../host/caller';
export { clearCacheCommand, clearCacheUsage } from './clear-cache-command';
export { consoleCommand, consoleUsage } from './console-command';
export { awsFileKind, fileCached, k8sFileKind } from './credential-file-cache';
export { directCredentials } from './direct-credentials';
export { doctorCommand, doctorUsage } from '../setup/doctor-command';
export { execCommand, execUsage, serveCommand, serveUsage } from './exec-command';
export { duploCommand, duploUsage } from './duplo-command';
export { installCommand, installUsage } from '../setup/install-command';
export { interactiveCredentials } from './interactive-credentials';
export { k8sCommand, k8sUsage } from './k8s-command';
export { runPopulate } from './populate-wiring';
export { populateUsage } from '../populate/populate-command';
export { readTokenFile } from './token-file';
export { uninstallCommand, uninstallUsage } from '../setup/uninstall-command';

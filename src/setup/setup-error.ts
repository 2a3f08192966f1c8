/** A problem install, uninstall or doctor cannot get past, worded as what is wrong and what to do: exit code 1. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}

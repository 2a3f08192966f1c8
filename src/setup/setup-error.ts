import { CodedError } from '../errors/coded-error';

/** A problem install, uninstall or doctor cannot get past, worded as what is wrong and what to do: exit code 1. */
export class SetupError extends CodedError<'SETUP'> {
  override readonly name = 'SetupError';

  constructor(message: string) {
    super('SETUP', message);
  }
}

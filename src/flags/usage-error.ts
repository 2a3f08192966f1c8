import { CodedError } from '../errors/coded-error';

/** A mistake on the command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends CodedError<'USAGE'> {
  override readonly name = 'UsageError';

  constructor(message: string) {
    super('USAGE', message);
  }
}

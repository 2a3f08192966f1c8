import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs, strict, with its error turned into a UsageError a person can act on. */
export function parseFlagValues<T extends Options>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node's hint about "--" makes no sense for these commands, which take no positionals.
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : 'bad arguments');
  }
}

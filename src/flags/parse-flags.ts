import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A string flag takes the next argument as its value even when it starts with a dash, as Go's
 * `flag` package (duplo-jit's) does: a portal token may begin with "-", and parseArgs alone
 * would refuse `--token -abc` as ambiguous.
 */
function joinStringValues(argv: readonly string[], options: Options): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const next = argv[index + 1];
    if (name !== undefined && options[name]?.type === 'string' && next?.startsWith('-')) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** node:util's parseArgs, strict, with its error turned into a UsageError a person can act on. */
export function parseFlagValues<T extends Options>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: joinStringValues(argv, options), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node's hint about "--" makes no sense for these commands, which take no positionals.
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : 'bad arguments');
  }
}

import { UsageError } from './usage-error';

export interface FlagKind {
  /** `optional`: a string given after `=` only, and bare the empty string (its default, chosen by the command). */
  readonly type: 'string' | 'boolean' | 'optional';
  /** Another name for the flag, such as `h` for `help`. */
  readonly short?: string;
}

export type FlagOptions = Readonly<Record<string, FlagKind>>;

export type FlagValues<T extends FlagOptions> = { -readonly [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };

/** The words Go's strconv.ParseBool takes, so `--admin=True` means what it does to duplo-jit. */
export const goBooleans: Readonly<Record<string, boolean>> = {
  ...Object.fromEntries(['1', 't', 'T', 'TRUE', 'true', 'True'].map((word) => [word, true])),
  ...Object.fromEntries(['0', 'f', 'F', 'FALSE', 'false', 'False'].map((word) => [word, false])),
};

const nameOf = (options: FlagOptions, name: string): string | undefined =>
  Object.hasOwn(options, name) ? name : Object.keys(options).find((key) => options[key]!.short === name);

function booleanOf(written: string, value: string | undefined): boolean {
  if (value === undefined) return true;
  const parsed = goBooleans[value];
  if (parsed === undefined) throw new UsageError(`Option '${written}' takes true or false (or 1, 0, t, f), not "${value}"`);
  return parsed;
}

/** Past the flags: these commands take no arguments, and a word there is most often a boolean's value written apart. */
function refuseLeftover(leftover: string, previous: { written: string; type: FlagKind['type'] } | undefined): never {
  if (previous?.type === 'boolean' && goBooleans[leftover] !== undefined) {
    throw new UsageError(`Unexpected argument '${leftover}': a boolean flag takes its value after "=", as in ${previous.written}=${leftover}`);
  }
  if (previous?.type === 'optional') throw new UsageError(`Unexpected argument '${leftover}': ${previous.written} takes its value after "=", as in ${previous.written}=${leftover}`);
  throw new UsageError(`Unexpected argument '${leftover}'. This command does not take positional arguments`);
}

/**
 * Parses flags by the rules of Go's `flag` package, which duplo-jit uses, so that a
 * credential_process line written for duplo-jit works unchanged: one dash or two, `-name=value`
 * or `-name value` (the next argument is the value even when it starts with a dash: a token
 * may), booleans bare or `=true`/`=false`, the last of a repeated flag wins, and flags end at
 * `--` or at the first argument that is not one. Messages name the flag as written, never a
 * value that could be a secret.
 */
export function parseFlagValues<T extends FlagOptions>(argv: readonly string[], options: T): FlagValues<T> {
  const values: Record<string, string | boolean> = {};
  let previous: { written: string; type: FlagKind['type'] } | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') {
      if (index + 1 < argv.length) refuseLeftover(argv[index + 1]!, undefined);
      break;
    }
    if (arg.length < 2 || !arg.startsWith('-')) refuseLeftover(arg, previous);
    const dashes = arg.startsWith('--') ? '--' : '-';
    const [name = '', ...valueParts] = arg.slice(dashes.length).split('=');
    if (name === '' || name.startsWith('-')) throw new UsageError(`Bad flag syntax '${dashes}${name || '='}': write -name, --name or --name=value`);
    const written = `${dashes}${name}`;
    const key = nameOf(options, name);
    if (key === undefined) throw new UsageError(`Unknown option '${written}'`);
    const value = valueParts.length > 0 ? valueParts.join('=') : undefined;
    const { type } = options[key]!;
    if (type === 'boolean') {
      values[key] = booleanOf(written, value);
    } else if (value !== undefined || type === 'optional') {
      values[key] = value ?? '';
    } else if (index + 1 < argv.length) {
      index += 1;
      values[key] = argv[index]!;
    } else {
      throw new UsageError(`Option '${written} <value>' argument missing`);
    }
    previous = { written, type };
  }
  return values as FlagValues<T>;
}

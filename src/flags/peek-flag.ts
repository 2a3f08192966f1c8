import { goBooleans, type FlagKind } from './parse-flags';

/**
 * One flag's value as parseFlagValues would read it (one dash or two, `=value` or, for a string,
 * the next argument; the last one wins), without checking the rest. For describing a failure
 * after the full parse threw or never ran (the portal to name, whether to print a stack), so it
 * never throws itself.
 */
export function peekFlag<K extends FlagKind['type']>(argv: readonly string[], name: string, type: K): (K extends 'string' ? string : boolean) | undefined {
  let found: string | boolean | undefined;
  argv.forEach((arg, index) => {
    const [flag, ...value] = arg.split('=');
    if (flag !== `-${name}` && flag !== `--${name}`) return;
    const written = value.length > 0 ? value.join('=') : undefined;
    found = type === 'boolean' ? (written === undefined || goBooleans[written] === true) : (written ?? argv[index + 1] ?? '');
  });
  return found as (K extends 'string' ? string : boolean) | undefined;
}

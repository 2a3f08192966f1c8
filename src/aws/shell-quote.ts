/** bash, zsh, dash: nothing is special inside single quotes, so a `'` closes, escapes, reopens. */
export function posixQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** A word posixQuote wrote, as regular-expression source, for finding one in a script. */
export const posixQuotedWord = String.raw`'(?:[^']|'\\'')*'`;

/** The value of a word posixQuote wrote. */
export function posixUnquote(quoted: string): string {
  return quoted.slice(1, -1).replaceAll("'\\''", "'");
}

/** fish: inside single quotes only `\` and `'` are special, and both take a backslash. */
export function fishQuote(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

/**
 * PowerShell: a quote is written twice. Its tokenizer also takes the typographic quotes
 * ‘ ’ ‚ ‛ for `'`, so those are doubled too; the pair yields the second character, which is
 * the original one.
 */
export function powershellQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

const cmdSpecial = new Set(['^', '&', '|', '<', '>', '(', ')', '"']);

/**
 * The interactive cmd prompt (not a batch file, where `%%` would work): the value is written
 * bare, with `^` before each character the parser would otherwise act on. Escaping every `"`
 * also means quote mode never starts, inside which `^` would be literal.
 *
 * `%` has no escape at the prompt, but the prompt leaves a `%NAME%` alone when no variable
 * NAME exists, and percent expansion runs before carets are removed. So every `%` is followed
 * by a `^`: the name any expansion could see then starts with `^`, which names no variable,
 * and the caret pass afterwards removes the `^` and leaves the plain text. `%PATH%` becomes
 * `%^PATH%`; `%%x` becomes `%^%^x`.
 *
 * Delayed expansion (`!NAME!`) is off at a prompt unless cmd was started with /V:ON; that
 * case is not handled.
 *
 * The caller must refuse control characters: a line break ends the command, and the prompt
 * has no way to write one inside a value.
 */
export function cmdEscape(value: string): string {
  let escaped = '';
  let afterPercent = false;
  for (const char of value) {
    escaped += afterPercent || cmdSpecial.has(char) ? `^${char}` : char;
    afterPercent = char === '%';
  }
  return escaped;
}

/** C0 controls, DEL and C1 controls: none can be typed into a cmd line or an INI value. */
export function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * The base of every error thrown on purpose. Callers branch on `code`, which stays stable; the
 * words a person reads are chosen from it once, at the edge. Each class names itself with a
 * literal `name`, not the class's own: the CLI bundle is minified, which renames classes, and
 * its two files tell each other's errors apart by `name` (see cli/cli-error.ts).
 */
export abstract class CodedError<Code extends string> extends Error {
  abstract override readonly name: string;

  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}

/** A coded error whose message is only its code and a detail already free of secrets, for logs. */
export abstract class DetailedError<Code extends string> extends CodedError<Code> {
  constructor(
    code: Code,
    readonly detail: string,
  ) {
    super(code, `${code}: ${detail}`);
  }
}

import type { BridgeErrorCode } from '../bridge/protocol';
import { CodedError } from '../errors/coded-error';

/** A bridge request that failed, with the words the extension (or the CLI itself) chose. */
export class BridgeFailure extends CodedError<BridgeErrorCode> {
  override readonly name = 'BridgeFailure';

  constructor(
    code: BridgeErrorCode,
    message: string,
    /** The bridge took the request, then went away before answering: asking again may work. */
    readonly dropped = false,
  ) {
    super(code, message);
  }
}

/** No browser answered. By name, not instanceof: each of the CLI's two files has its own copy of the class (cli-error.ts). */
export function isNoBrowser(error: unknown): boolean {
  return error instanceof Error && error.name === 'BridgeFailure' && 'code' in error && error.code === 'NO_BROWSER';
}

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

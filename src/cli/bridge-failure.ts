import type { BridgeErrorCode } from '../bridge/protocol';

/** A bridge request that failed, with the words the extension (or the CLI itself) chose. */
export class BridgeFailure extends Error {
  override readonly name = 'BridgeFailure';

  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    /** The bridge took the request, then went away before answering: asking again may work. */
    readonly dropped = false,
  ) {
    super(message);
  }
}

import { CodedError } from '../errors/coded-error';

export type ManagedErrorCode = 'SET_BY_ORGANISATION' | 'PORTAL_NOT_ALLOWED';

/**
 * A change the organisation's managed settings forbid: a locked setting (`setting` names it,
 * `value` the portal or format concerned), or a portal beside the organisation's only ones.
 */
export class ManagedSettingError extends CodedError<ManagedErrorCode> {
  override readonly name = 'ManagedSettingError';

  constructor(
    code: ManagedErrorCode,
    readonly setting: string,
    readonly value = '',
  ) {
    super(code, `${code}: ${setting}${value ? ` ${value}` : ''}`);
  }
}

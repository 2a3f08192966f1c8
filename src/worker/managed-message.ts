import { copyFormatLabels, copyFormats, type CopyFormat } from '../aws/copy-formats';
import type { ManagedSettingError } from '../settings/managed-error';

const isFormat = (value: string): value is CopyFormat => copyFormats.some((format) => format === value);

/** The sentence for a change the organisation's managed settings refused (toViewError). */
export function managedMessage(error: ManagedSettingError): string {
  const { setting, value } = error;
  if (error.code === 'PORTAL_NOT_ALLOWED') {
    return `Your organisation allows only the portals it set, so ${value} cannot be added. Ask your administrator to add it to the managed settings.`;
  }
  switch (setting) {
    case 'portals':
      return `${value} is set by your organisation: it cannot be removed or changed here.`;
    case 'tokenSharing':
      return 'Your organisation does not let programs ask for your portal session; this switch is set by your organisation.';
    case 'allowedFormats':
      return `Your organisation does not allow copying keys as ${isFormat(value) ? copyFormatLabels[value] : value}. Pick one of the formats offered.`;
    default:
      return `Not saved: "${setting}" is set by your organisation and cannot be changed here.`;
  }
}

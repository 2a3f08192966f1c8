import type { PortalView } from '../../src/worker-messages/protocol';
import { Icon } from './icon';

export const hostOf = (origin: string) => new URL(origin).host;
/** A portal waiting for the user's confirmation says so wherever it is named. */
const labelOf = (portal: PortalView) => (portal.session === 'unconfirmed' ? `seen: ${hostOf(portal.origin)}` : hostOf(portal.origin));

/** The host of the portal shown; a compact select when there are several to pick from. */
export function PortalPicker({ portals, shown, onPick }: { portals: readonly PortalView[]; shown: string; onPick: (origin: string) => void }) {
  if (portals.length < 2) return <span class="portal-host">{portals[0] ? labelOf(portals[0]) : hostOf(shown)}</span>;
  return (
    <label class="portal-picker">
      <span class="visually-hidden">Portal</span>
      <select value={shown} onChange={(event) => onPick(event.currentTarget.value)}>
        {portals.map((portal) => (
          <option key={portal.origin} value={portal.origin}>
            {labelOf(portal)}
          </option>
        ))}
      </select>
      <Icon name="caret" />
    </label>
  );
}

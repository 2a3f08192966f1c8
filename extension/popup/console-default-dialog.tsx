import type { TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { servicePattern } from '../../src/aws/console-url';
import { isAwsRegion } from '../../src/aws/partition';
import type { TenantRow } from '../../src/worker-messages/protocol';
import { askWorker } from '../shared/ask-worker';

interface Props {
  origin: string;
  row: TenantRow;
  onClose: () => void;
}

/** Checked here for words next to the field; the worker checks again before it stores anything. */
function problem(region: string, service: string): string | undefined {
  if (region && !isAwsRegion(region)) return `“${region}” is not a region name like eu-west-1.`;
  if (service && !servicePattern.test(service)) return `“${service}” is not a console service path like ec2 or s3.`;
  return undefined;
}

/**
 * The region and service one tenant's console opens on, from every path (popup, omnibox, menus,
 * shortcut). Empty fields leave the options' choice in force.
 */
export function ConsoleDefaultDialog({ origin, row, onClose }: Props) {
  const [region, setRegion] = useState<string>();
  const [service, setService] = useState<string>();
  const [error, setError] = useState<string>();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void askWorker({ type: 'console-default', origin, scope: row.scope }).then((reply) => {
      if (!reply.ok) return setError(reply.error.message);
      setRegion(reply.value.region);
      setService(reply.value.service);
      first.current?.focus();
    });
  }, [origin, row.scope]);

  const save = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const choice = { region: (region ?? '').trim(), service: (service ?? '').trim().toLowerCase() };
    const wrong = problem(choice.region, choice.service);
    if (wrong) return setError(wrong);
    const reply = await askWorker({ type: 'set-console-default', origin, scope: row.scope, choice });
    if (reply.ok) onClose();
    else setError(reply.error.message);
  };

  return (
    <div class="dialog-backdrop" role="dialog" aria-modal="true" aria-label={`Console region and service for ${row.name}`}>
      <form class="dialog" data-testid="console-default" onSubmit={save}>
        <div class="dialog-title">Console of {row.name} opens on</div>
        <label class="dialog-field">
          Region
          <input ref={first} type="text" data-testid="console-default-region" placeholder="as in the options" value={region ?? ''} disabled={region === undefined} onInput={(event) => setRegion(event.currentTarget.value)} />
        </label>
        <label class="dialog-field">
          Service
          <input type="text" data-testid="console-default-service" placeholder="as in the options" value={service ?? ''} disabled={service === undefined} onInput={(event) => setService(event.currentTarget.value)} />
        </label>
        {error && <p class="dialog-error" role="alert">{error}</p>}
        <div class="dialog-actions">
          <button type="button" class="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="btn btn-primary" data-testid="console-default-save" disabled={region === undefined}>
            Save
          </button>
        </div>
      </form>
    </div>
  );
}

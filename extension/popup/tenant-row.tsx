import { useEffect, useRef } from 'preact/hooks';
import type { CopyFormat } from '../../src/aws/copy-formats';
import type { CopyChoice, TenantRow as Row } from '../../src/worker-messages/protocol';
import { CopyButton } from './copy-button';
import { Icon } from './icon';
import type { RowAction } from './use-portal-actions';

interface Props {
  id: string;
  row: Row;
  selected: boolean;
  busy: RowAction | undefined;
  /** Console opens the tab's console page in this tenant. */
  openingPage: boolean;
  defaultFormat: CopyFormat;
  /** The formats offered: all, unless the organisation limits them. */
  formats: readonly CopyFormat[];
  onSelect: () => void;
  onOpen: () => void;
  onCopy: (choice?: CopyChoice) => void;
  onFavorite: () => void;
  onConsoleDefault: () => void;
}

/** "keys until 14:05" in local time, or nothing once the keys are gone or spent. */
function until(what: string, at: string | undefined): string | undefined {
  const time = at ? new Date(at) : undefined;
  if (!time || !(time.getTime() > Date.now())) return undefined;
  return `${what} until ${time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
}

export function TenantRow({ id, row, selected, busy, openingPage, defaultFormat, formats, onSelect, onOpen, onCopy, onFavorite, onConsoleDefault }: Props) {
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const expiry = until('keys', row.expiresAt);
  // The console session the extension opened ends with it; the user renews before then.
  const consoleEnd = until('console', row.consoleUntil);

  return (
    <li
      ref={item}
      id={id}
      role="option"
      class={`row row-${row.kind}${selected ? ' row-selected' : ''}`}
      data-testid="row"
      data-scope={row.scope}
      aria-selected={selected ? 'true' : undefined}
      onClick={onSelect}
    >
      <button
        type="button"
        class={`star${row.favorite ? ' star-on' : ''}`}
        data-testid="favorite"
        aria-pressed={row.favorite}
        aria-label={row.favorite ? `Remove ${row.name} from favorites` : `Add ${row.name} to favorites`}
        title={row.favorite ? 'Remove from favorites' : 'Add to favorites'}
        onClick={onFavorite}
      >
        <Icon name="star" />
      </button>
      <div class="row-main">
        <div class="row-name">
          {row.kind !== 'tenant' && <Icon name="shield" class="kind-icon" />}
          <span class="name" title={row.name === row.scope ? row.name : `${row.name} (${row.scope})`}>
            {row.name}
          </span>
        </div>
        {(row.plan || expiry || consoleEnd) && (
          <div class="row-meta">
            {row.plan && <span class="badge">{row.plan}</span>}
            {expiry && <span class="expiry">{expiry}</span>}
            {consoleEnd && (
              <span class="expiry" data-testid="console-until">
                {consoleEnd}
              </span>
            )}
          </div>
        )}
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="btn btn-console"
          data-testid="open-console"
          disabled={busy === 'console'}
          title={openingPage ? `Open this page in ${row.name}` : `Open the console of ${row.name}`}
          onClick={onOpen}
        >
          {busy === 'console' ? 'Opening…' : openingPage ? 'This page' : 'Console'}
        </button>
        <CopyButton name={row.name} busy={busy === 'copy'} defaultFormat={defaultFormat} formats={formats} kubeconfig={row.kind === 'tenant'} onCopy={onCopy} onConsoleDefault={onConsoleDefault} />
      </div>
      {row.error && <div class="row-error">{row.error.message}</div>}
    </li>
  );
}

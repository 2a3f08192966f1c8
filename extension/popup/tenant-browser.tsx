import { useState } from 'preact/hooks';
import type { CopyFormat } from '../../src/aws/copy-formats';
import type { TenantRow as Row } from '../../src/worker-messages/protocol';
import { ConsoleDefaultDialog } from './console-default-dialog';
import { FilterBox } from './filter-box';
import { TenantRow } from './tenant-row';
import type { PortalActions } from './use-portal-actions';
import { useRowWindow } from './use-row-window';
import { useTenantFilter } from './use-tenant-filter';

interface Props {
  rows: readonly Row[];
  defaultFormat: CopyFormat;
  /** The formats offered: all, unless the organisation limits them. */
  formats: readonly CopyFormat[];
  actions: PortalActions;
}

const listId = 'tenants';

/** The filter box and the rows it lets through, driven from the keyboard or the mouse. */
export function TenantBrowser({ rows, defaultFormat, formats, actions }: Props) {
  const filter = useTenantFilter(rows, actions.openConsole);
  const selected = filter.rows.findIndex((row) => row.scope === filter.selectedScope);
  const drawn = useRowWindow(filter.rows.length, filter.query, selected);
  const [editing, setEditing] = useState<Row>();

  return (
    <>
      <FilterBox filter={filter} listId={listId} activeId={selected >= 0 ? `row-${selected}` : undefined} />
      {filter.rows.length === 0 ? (
        <p class="no-match">No tenant matches “{filter.query.trim()}”.</p>
      ) : (
        <ul id={listId} class="rows" role="listbox" aria-label="Tenants">
          {filter.rows.slice(0, drawn.limit).map((row, index) => (
            <TenantRow
              key={row.scope}
              id={`row-${index}`}
              row={row}
              selected={index === selected}
              busy={actions.pending?.scope === row.scope ? actions.pending.action : undefined}
              openingPage={actions.openingPage}
              defaultFormat={defaultFormat} formats={formats}
              onSelect={() => filter.select(row.scope)}
              onOpen={() => actions.openConsole(row)}
              onCopy={(choice) => (choice === 'kubeconfig' ? actions.copyKubeconfig(row) : actions.copyKeys(row, choice))}
              onFavorite={() => actions.toggleFavorite(row)}
              onConsoleDefault={() => setEditing(row)}
            />
          ))}
          {drawn.sentinel && <li ref={drawn.sentinel} role="presentation" aria-hidden="true" style={{ height: '1px' }} />}
        </ul>
      )}
      {editing && <ConsoleDefaultDialog origin={actions.origin} row={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

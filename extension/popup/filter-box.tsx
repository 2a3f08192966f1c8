import { useEffect, useRef } from 'preact/hooks';
import { Icon } from './icon';
import type { TenantFilter } from './use-tenant-filter';

export function FilterBox({ filter, listId, activeId }: { filter: TenantFilter; listId: string; activeId: string | undefined }) {
  const input = useRef<HTMLInputElement>(null);
  // autoFocus alone is not reliable in an extension popup, which gets focus after it loads.
  useEffect(() => input.current?.focus(), []);
  return (
    <div class="filter">
      <Icon name="search" />
      <input
        ref={input}
        autoFocus
        type="text"
        data-testid="filter"
        placeholder="Filter tenants by name or ID"
        aria-label="Filter tenants by name or ID"
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={activeId}
        autocomplete="off"
        spellcheck={false}
        value={filter.query}
        onInput={(event) => filter.setQuery(event.currentTarget.value)}
        onKeyDown={filter.onKeyDown}
      />
    </div>
  );
}

import type { TargetedKeyboardEvent } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { TenantRow } from '../../src/worker-messages/protocol';
import { filterRows, moveSelection, selectedIndex } from './filter-rows';

export interface TenantFilter {
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly rows: readonly TenantRow[];
  readonly selectedScope: string | undefined;
  readonly select: (scope: string) => void;
  readonly onKeyDown: (event: TargetedKeyboardEvent<HTMLInputElement>) => void;
}

/** The filter box's text, the rows it lets through, and the keyboard selection among them. */
export function useTenantFilter(rows: readonly TenantRow[], onOpen: (row: TenantRow) => void): TenantFilter {
  const [query, setQueryText] = useState('');
  const [selected, setSelected] = useState<string>();
  const shown = useMemo(() => filterRows(rows, query), [rows, query]);
  const selectedScope = shown[selectedIndex(shown, selected)]?.scope;

  const setQuery = (text: string) => {
    setQueryText(text);
    // A new filter starts again at its first match.
    setSelected(undefined);
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected(moveSelection(shown, selectedScope, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const row = shown.find((candidate) => candidate.scope === selectedScope);
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
    } else if (event.key === 'Escape' && query) {
      // Only a non-empty filter swallows Escape; on an empty one it closes the popup as usual.
      event.preventDefault();
      setQuery('');
    }
  };

  return { query, setQuery, rows: shown, selectedScope, select: setSelected, onKeyDown };
}

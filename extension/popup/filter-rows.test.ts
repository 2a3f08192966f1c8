import { describe, expect, it } from 'vitest';
import type { TenantRow } from '../../src/worker-messages/protocol';
import { filterRows, moveSelection, selectedIndex } from './filter-rows';

const row = (scope: string, name: string): TenantRow => ({ scope, name, kind: 'tenant', favorite: false });
const rows = [row('admin', 'Admin'), row('duplo-ops', 'duplo-ops'), row('7d3f0c2a-1111', 'payments-prod'), row('9e1b4f00-2222', 'qa')];

describe('filterRows', () => {
  it('matches the name or the scope, ignoring case and surrounding spaces, in the given order', () => {
    expect(filterRows(rows, ' PAYM ').map((r) => r.scope)).toEqual(['7d3f0c2a-1111']);
    expect(filterRows(rows, '9E1B').map((r) => r.name)).toEqual(['qa']);
    expect(filterRows(rows, 'o').map((r) => r.scope)).toEqual(['duplo-ops', '7d3f0c2a-1111']);
  });

  it('lets everything through for an empty filter and nothing for a miss', () => {
    expect(filterRows(rows, '')).toBe(rows);
    expect(filterRows(rows, 'zzz')).toEqual([]);
  });
});

describe('selection', () => {
  it('starts on the first row and falls back to it when the selected row is filtered out', () => {
    expect(selectedIndex(rows, undefined)).toBe(0);
    expect(selectedIndex(rows, 'qa-gone')).toBe(0);
    expect(selectedIndex(rows, '9e1b4f00-2222')).toBe(3);
    expect(selectedIndex([], undefined)).toBe(-1);
  });

  it('moves by one and stops at either end', () => {
    expect(moveSelection(rows, undefined, 1)).toBe('duplo-ops');
    expect(moveSelection(rows, 'admin', -1)).toBe('admin');
    expect(moveSelection(rows, '9e1b4f00-2222', 1)).toBe('9e1b4f00-2222');
    expect(moveSelection([], undefined, 1)).toBeUndefined();
  });
});

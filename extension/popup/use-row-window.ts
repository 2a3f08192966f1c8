import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Rows drawn at first (twice what the popup shows), and added each time the end of the list comes near. */
export const rowStep = 30;

export interface RowWindow {
  /** How many of the filtered rows to draw, from the first. */
  readonly limit: number;
  /** For an empty element after the last drawn row, while rows remain undrawn. */
  readonly sentinel: RefObject<HTMLLIElement | null> | undefined;
}

/**
 * A portal can have thousands of tenants, and drawing each as a row with its buttons took the
 * popup over a second at 2,000 (BENCHMARKS.md) when it shows about a dozen. So only the first
 * rows are drawn, more as the list is scrolled towards its end, and a new filter starts again
 * from the first rows. The row at `needed` (the keyboard selection) is always drawn.
 */
export function useRowWindow(total: number, query: string, needed: number): RowWindow {
  const [grown, setGrown] = useState({ query, limit: rowStep });
  const limit = Math.min(total, Math.max(grown.query === query ? grown.limit : rowStep, needed + 1));
  const sentinel = useRef<HTMLLIElement>(null);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || limit >= total) return undefined;
    // Observed within the scrolling list, with a margin so the next rows are there before they are reached.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setGrown({ query, limit: limit + rowStep });
      },
      { root: node.parentElement, rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [query, limit, total]);

  return { limit, sentinel: limit < total ? sentinel : undefined };
}

import type { TargetedKeyboardEvent } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { copyFormatLabels, type CopyFormat } from '../../src/aws/copy-formats';
import type { CopyChoice } from '../../src/worker-messages/protocol';

interface Props {
  anchor: HTMLElement;
  defaultFormat: CopyFormat;
  /** The formats offered: all, unless the organisation limits them. */
  formats: readonly CopyFormat[];
  /** A tenant's row: its cluster has a kubeconfig to copy too. */
  kubeconfig: boolean;
  onPick: (choice: CopyChoice) => void;
  /** Opens the tenant's console region and service; the row's other settings live in this menu too. */
  onConsoleDefault: () => void;
  onClose: () => void;
}

const gap = 4;

/**
 * Fixed to the viewport rather than to its row, so the scrolling list cannot clip it; it
 * opens upwards when the row is near the bottom of the popup.
 */
export function CopyMenu({ anchor, defaultFormat, formats, kubeconfig, onPick, onConsoleDefault, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; right: number }>();

  const place = useCallback(() => {
    const box = anchor.getBoundingClientRect();
    const height = menu.current?.offsetHeight ?? 0;
    const below = box.bottom + gap;
    const top = below + height > window.innerHeight - gap ? Math.max(gap, box.top - gap - height) : below;
    setPosition({ top, right: document.documentElement.clientWidth - box.right });
  }, [anchor]);

  useLayoutEffect(() => {
    place();
    menu.current?.querySelector('button')?.focus();
  }, [place]);

  useEffect(() => {
    const outside = (event: Event) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !anchor.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    // Follows its row when the list scrolls, as selecting a row near the edge does.
    document.addEventListener('scroll', place, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('scroll', place, true);
    };
  }, [anchor, onClose, place]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll('button') ?? [])];
    const current = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[Math.min(items.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (event.key === 'Escape') {
      // Closes the menu, not the popup.
      event.preventDefault();
      event.stopPropagation();
      anchor.focus();
      onClose();
    } else if (event.key === 'Tab') onClose();
  };

  return (
    <div
      ref={menu}
      class="menu"
      role="menu"
      aria-label="Copy keys as"
      style={position ? { top: `${position.top}px`, right: `${position.right}px` } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      <div class="menu-title">Copy keys as</div>
      {formats.map((format) => (
        <button key={format} type="button" role="menuitem" class="menu-item" data-testid={`format-${format}`} onClick={() => onPick(format)}>
          <span>{copyFormatLabels[format]}</span>
          {format === defaultFormat && <span class="menu-default">default</span>}
        </button>
      ))}
      {kubeconfig && (
        <button type="button" role="menuitem" class="menu-item" data-testid="copy-kubeconfig" onClick={() => onPick('kubeconfig')}>
          <span>Copy kubeconfig</span>
        </button>
      )}
      <button type="button" role="menuitem" class="menu-item" data-testid="console-default-open" onClick={onConsoleDefault}>
        <span>Console region and service…</span>
      </button>
    </div>
  );
}

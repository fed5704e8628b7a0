import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface MenuItem {
  key: string;
  label: string;
  icon?: ReactNode;
  /** A route to open, or an action to run. */
  to?: string;
  onSelect?: () => void;
  tone?: 'danger';
}

interface MenuButtonProps {
  /** Content of the trigger button. */
  trigger: ReactNode;
  /** Accessible name of the menu itself, e.g. "Account". */
  menuLabel: string;
  items: MenuItem[];
  /** Non-interactive content above the items, e.g. who is signed in. */
  header?: ReactNode;
  placement?: 'below' | 'above';
  className?: string;
}

/** The WAI-ARIA menu button pattern: arrows move, Escape closes, focus returns to the trigger. */
export function MenuButton({
  trigger,
  menuLabel,
  items,
  header,
  placement = 'below',
  className,
}: MenuButtonProps) {
  const [openAt, setOpenAt] = useState<number | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const menuId = useId();
  const isOpen = openAt !== null;

  useEffect(() => {
    if (openAt !== null) {
      itemRefs.current[openAt]?.focus();
    }
  }, [openAt]);

  useEffect(() => {
    if (!isOpen) {
      return undefined;
    }
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) {
        setOpenAt(null);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen]);

  const close = (returnFocus: boolean) => {
    setOpenAt(null);
    if (returnFocus) {
      buttonRef.current?.focus();
    }
  };

  const onTriggerKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpenAt(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const count = items.length;
    const current = openAt ?? 0;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      setOpenAt((target + count) % count);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    } else if (event.key === ' ') {
      event.preventDefault();
      (event.target as HTMLElement).click();
    }
  };

  const select = (item: MenuItem) => {
    close(!item.to);
    item.onSelect?.();
  };

  return (
    <div className={['menu-root', className ?? ''].join(' ').trim()} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="menu-trigger"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => (isOpen ? close(false) : setOpenAt(0))}
        onKeyDown={onTriggerKeyDown}
      >
        {trigger}
      </button>
      {isOpen ? (
        <div className={`menu-popover menu-${placement}`}>
          {header ? <div className="menu-header">{header}</div> : null}
          <ul id={menuId} role="menu" aria-label={menuLabel} className="menu-list" onKeyDown={onMenuKeyDown}>
            {items.map((item, index) => (
              <li key={item.key} role="none">
                {item.to ? (
                  <Link
                    ref={(el) => {
                      itemRefs.current[index] = el;
                    }}
                    to={item.to}
                    role="menuitem"
                    tabIndex={-1}
                    className="menu-item"
                    onClick={() => select(item)}
                    onMouseEnter={() => setOpenAt(index)}
                  >
                    {item.icon}
                    {item.label}
                  </Link>
                ) : (
                  <button
                    ref={(el) => {
                      itemRefs.current[index] = el;
                    }}
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className={item.tone === 'danger' ? 'menu-item menu-item-danger' : 'menu-item'}
                    onClick={() => select(item)}
                    onMouseEnter={() => setOpenAt(index)}
                  >
                    {item.icon}
                    {item.label}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

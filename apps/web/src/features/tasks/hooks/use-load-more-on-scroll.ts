import { useEffect, useRef, type RefObject } from 'react';

/**
 * Infinite scroll: calls `loadMore` when the element at the end of a list comes within a screen
 * of the viewport. A "Load more" button next to it stays for keyboards and failed loads.
 */
export function useLoadMoreOnScroll(
  sentinel: RefObject<HTMLElement | null>,
  canLoad: boolean,
  loadMore: () => void,
): void {
  const latest = useRef(loadMore);
  useEffect(() => {
    latest.current = loadMore;
  });
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !canLoad) {
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          latest.current();
        }
      },
      { rootMargin: '0px 0px 100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [sentinel, canLoad]);
}

/**
 * Calls `act` once `element` comes within `marginPx` of the viewport (at once where there is no
 * IntersectionObserver), so a page fetches and builds its heavy parts as the reader nears them, not all on
 * load. Returns a function that stops watching.
 */
export function whenNearViewport(element: Element, act: () => void, marginPx = 800): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    act();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      act();
    },
    { rootMargin: `${marginPx}px 0px` },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * The drawn width of a chart's box, in CSS pixels: read once before the first paint (layout effect)
 * and again whenever the box resizes, so plain-SVG charts lay out for the space they have.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export function useChartWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth((old) => (old === w ? old : w));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

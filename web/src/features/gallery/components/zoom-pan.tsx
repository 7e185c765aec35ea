// A frame whose content zooms with the wheel around the cursor and pans by dragging; double-click
// fits. At fit, a horizontal swipe (touch or mouse) reports a step: -1 back, 1 on. Controlled or not: compare views share one view, so their images move together.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface View {
  scale: number;
  x: number;
  y: number;
}

export const FIT: View = { scale: 1, x: 0, y: 0 };

export function ZoomPan({ children, view: controlled, onViewChange, onSwipe }: { children: ReactNode; view?: View; onViewChange?(view: View): void; onSwipe?(step: -1 | 1): void }) {
  const box = useRef<HTMLDivElement>(null);
  const [own, setOwn] = useState<View>(FIT);
  const view = controlled ?? own;
  const viewRef = useRef(view);
  const setView = (next: View) => (onViewChange ?? setOwn)(next);
  const setRef = useRef(setView);
  // The listeners below are attached once and read the latest view and setter through these refs,
  // updated after each commit (writing refs during render is unsafe under concurrent rendering).
  useLayoutEffect(() => {
    viewRef.current = view;
    setRef.current = setView;
  });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const el = box.current!;
    // React's wheel listeners are passive; zooming must stop the page from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const px = e.clientX - rect.left;
      const py = e.clientY - rect.top;
      const v = viewRef.current;
      const scale = Math.min(16, Math.max(1, v.scale * Math.exp(-e.deltaY * 0.0015)));
      // Keep the point under the cursor where it is: t' = p - (p - t) * s'/s.
      const k = scale / v.scale;
      setRef.current(scale === 1 ? FIT : { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  return (
    <div
      ref={box}
      className="relative size-full touch-none overflow-hidden select-none"
      style={{ cursor: view.scale > 1 ? 'grab' : 'zoom-in' }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, y: e.clientY };
        start.current = { x: e.clientX, y: e.clientY };
      }}
      onPointerMove={(e) => {
        const last = drag.current;
        if (!last || view.scale === 1) return;
        drag.current = { x: e.clientX, y: e.clientY };
        setView({ ...view, x: view.x + e.clientX - last.x, y: view.y + e.clientY - last.y });
      }}
      onPointerUp={(e) => {
        const from = start.current;
        drag.current = start.current = null;
        if (!from || !onSwipe || view.scale !== 1) return;
        const dx = e.clientX - from.x;
        const dy = e.clientY - from.y;
        if (Math.abs(dx) > 50 && Math.abs(dx) > 2 * Math.abs(dy)) onSwipe(dx < 0 ? 1 : -1);
      }}
      onPointerCancel={() => (drag.current = start.current = null)}
      onDoubleClick={() => setView(FIT)}
    >
      <div className="absolute inset-0" style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`, transformOrigin: '0 0' }}>
        {children}
      </div>
      <p className="pointer-events-none absolute bottom-2 left-2 rounded bg-black/60 px-2 py-0.5 text-xs tabular-nums text-white">{Math.round(view.scale * 100)}%</p>
    </div>
  );
}

/** An image filling the frame, as every layer in a ZoomPan does. */
export function Layer({ src, alt, style }: { src: string; alt: string; style?: React.CSSProperties }) {
  return <img src={src} alt={alt} draggable={false} className="absolute inset-0 size-full object-contain" style={style} />;
}

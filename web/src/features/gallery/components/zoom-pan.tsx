// An image that zooms with the wheel around the cursor and pans by dragging; double-click resets.
import { useEffect, useRef, useState } from 'react';

interface View {
  scale: number;
  x: number;
  y: number;
}

const FIT: View = { scale: 1, x: 0, y: 0 };

export function ZoomPan({ src, alt }: { src: string; alt: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>(FIT);
  const drag = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => setView(FIT), [src]);

  useEffect(() => {
    const el = box.current!;
    // React's wheel listeners are passive; zooming must stop the page from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const px = e.clientX - rect.left;
      const py = e.clientY - rect.top;
      setView((v) => {
        const scale = Math.min(16, Math.max(1, v.scale * Math.exp(-e.deltaY * 0.0015)));
        // Keep the point under the cursor where it is: t' = p - (p - t) * s'/s.
        const k = scale / v.scale;
        return scale === 1 ? FIT : { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k };
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  return (
    <div
      ref={box}
      className="relative size-full touch-none overflow-hidden select-none"
      style={{ cursor: view.scale > 1 ? (drag.current ? 'grabbing' : 'grab') : 'zoom-in' }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, y: e.clientY };
      }}
      onPointerMove={(e) => {
        const last = drag.current;
        if (!last || view.scale === 1) return;
        drag.current = { x: e.clientX, y: e.clientY };
        setView((v) => ({ ...v, x: v.x + e.clientX - last.x, y: v.y + e.clientY - last.y }));
      }}
      onPointerUp={() => (drag.current = null)}
      onDoubleClick={() => setView(FIT)}
    >
      <img
        src={src}
        alt={alt}
        draggable={false}
        className="size-full object-contain"
        style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`, transformOrigin: '0 0' }}
      />
      <p className="pointer-events-none absolute bottom-2 left-2 rounded bg-black/60 px-2 py-0.5 text-xs tabular-nums text-white">{Math.round(view.scale * 100)}%</p>
    </div>
  );
}

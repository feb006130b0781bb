/** Where a tap lands on a plan image, in % of its width and height, clamped to the image and rounded to 0.1 %. */
export function pointInPercent(box: { left: number; top: number; width: number; height: number }, clientX: number, clientY: number): { x: number; y: number } {
  const percent = (offset: number, size: number) => Math.round(Math.min(100, Math.max(0, (offset / size) * 100)) * 10) / 10;
  return { x: percent(clientX - box.left, box.width), y: percent(clientY - box.top, box.height) };
}

import type { Plugin } from 'chart.js';

/** Each line continued, level, from its last point to `x`: the playhead's clip shows as much of it as has played. */
export const levelTo = <D extends { data: Array<{ x: number; y: number | null }> }>(datasets: D[], x: number): D[] =>
  datasets.map((d) => (d.data.length === 0 ? d : { ...d, data: [...d.data, { x, y: d.data.at(-1)!.y }] }));

/**
 * Draws the lines as far as the playhead only, and half the widest line beyond it, so that a step at the
 * playhead shows whole.
 */
export function playheadClip(playhead: () => number): Plugin<'line'> {
  return {
    id: 'playhead',
    beforeDatasetsDraw(chart) {
      const reach = Math.max(0, ...chart.data.datasets.map((d) => Number(d.borderWidth ?? 0) / 2));
      chart.ctx.save();
      chart.ctx.beginPath();
      chart.ctx.rect(0, 0, chart.scales.x.getPixelForValue(playhead()) + reach, chart.height);
      chart.ctx.clip();
    },
    afterDatasetsDraw(chart) {
      chart.ctx.restore();
    },
  };
}

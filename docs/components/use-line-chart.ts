import {
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { useData } from 'vitepress';
import { computed, onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { levelTo, playheadClip } from './playhead-clip.js';
import { timeAxis } from './time-axis.js';

// Only the parts the charts use, so the rest of chart.js stays out of the bundle. Time is a number, so
// both axes are linear.
Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Legend, Tooltip);

export type LineDataset = ChartDataset<'line', Array<{ x: number; y: number | null }>>;

export interface LineChartOptions {
  /**
   * The points the playhead has reached (made from useSeriesReached). Read again only when what it reads
   * changes, so between two points a frame of playback moves the playhead alone, without a new layout.
   */
  datasets: () => LineDataset[];
  /** The playhead's time: each line runs on, level, from its last point to here, and nothing is drawn beyond. */
  playhead: () => number;
  /** The x axis runs from 0 to the end of the run (see time-axis.ts), so lines grow into a fixed frame. */
  end: () => number;
  yMax: () => number;
  yTitle: string;
  stacked?: boolean;
  /** A second y axis on the right, `y2`, for datasets with `yAxisID: 'y2'` (a percentage beside counts). */
  y2?: { title: string; max: number };
}

/** One chart point per value, at its time (a null value leaves a gap). */
export const points = (times: number[], values: Array<number | null>) => values.map((y, i) => ({ x: times[i], y }));

/** The x axis's extent, ticks and title for a run ending at `end`. */
function xAxis(end: number) {
  const axis = timeAxis(end);
  return {
    max: axis.max,
    ticks: { stepSize: axis.stepSize, callback: (value: string | number) => axis.label(Number(value)) },
    title: { display: true, text: axis.title },
  };
}

/** A chart over virtual time on `canvas`, redrawn when its data changes and recoloured with the site's theme. */
export function useLineChart(canvas: Ref<HTMLCanvasElement | undefined>, options: LineChartOptions) {
  const { isDark } = useData();
  let chart: Chart<'line', Array<{ x: number; y: number | null }>> | undefined;

  /**
   * What chart.js drew that the canvas cannot tell a test: the time axis's tick labels (`data-x-ticks`) and each
   * legend swatch's colour and dashes (`data-legend`, "label: colour dashes" separated by " | ").
   */
  function recordDrawn() {
    if (!chart) return;
    canvas.value!.dataset.xTicks = chart.scales.x.ticks.map((t) => String(t.label)).join(' ');
    const swatches = chart.legend?.legendItems ?? [];
    canvas.value!.dataset.legend = swatches.map((i) => `${i.text}: ${String(i.strokeStyle)} ${(i.lineDash ?? []).join(',') || 'solid'}`).join(' | ');
  }

  /** The theme's colours for text and grid lines, read from VitePress's CSS variables. */
  function applyTheme() {
    if (!chart) return;
    const style = getComputedStyle(canvas.value!);
    const text = style.getPropertyValue('--vp-c-text-2').trim();
    const grid = style.getPropertyValue('--vp-c-divider').trim();
    for (const axis of Object.values(chart.options.scales!)) {
      axis!.ticks!.color = text;
      axis!.grid!.color = grid;
      (axis as { title: { color: string } }).title.color = text;
    }
    chart.options.plugins!.legend!.labels!.color = text;
    chart.update('none');
    recordDrawn();
  }

  let unmounted = false;
  // Drawn once the page has painted: chart.js measures the canvas (a layout), which must not hold up the
  // player's first picture and its Play button.
  onMounted(() => void setTimeout(draw, 0));
  onBeforeUnmount(() => {
    unmounted = true;
    chart?.destroy();
  });

  /** Every line as it will be drawn at the end of the run; the clip at the playhead reveals it. */
  const lines = computed(() => levelTo(options.datasets(), timeAxis(options.end()).max));

  function draw() {
    if (unmounted) return;
    chart = new Chart<'line', Array<{ x: number; y: number | null }>>(canvas.value!, {
      type: 'line',
      data: { datasets: lines.value },
      plugins: [playheadClip(options.playhead)],
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', min: 0, ...xAxis(options.end()) },
          y: {
            type: 'linear',
            stacked: options.stacked ?? false,
            min: 0,
            suggestedMax: options.yMax(),
            ticks: { precision: 0 },
            title: { display: true, text: options.yTitle },
          },
          ...(options.y2 && {
            y2: {
              type: 'linear',
              position: 'right',
              min: 0,
              max: options.y2.max,
              // The left axis's grid is enough; two grids would not line up.
              grid: { drawOnChartArea: false },
              title: { display: true, text: options.y2.title },
            },
          }),
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: {
            // Nothing beyond the playhead: a line's level run to the axis's end is not a point of the run.
            filter: (item) => (item.parsed.x ?? 0) <= options.playhead(),
            callbacks: { title: (items) => `+${timeAxis(options.end()).label(items[0]?.parsed.x ?? 0)}` },
          },
        },
      },
    });
    applyTheme();
  }

  // A frame of playback moves the playhead: a redraw. New points or a new axis: the chart is laid out again.
  watch([lines, options.end, options.yMax, options.playhead], ([datasets, end, yMax], [oldDatasets, oldEnd, oldYMax]) => {
    if (!chart) return;
    if (datasets === oldDatasets && end === oldEnd && yMax === oldYMax) {
      chart.render();
      return;
    }
    chart.data.datasets = datasets;
    if (end === oldEnd && yMax === oldYMax) {
      chart.update('none');
      recordDrawn();
      return;
    }
    // New tick and title objects: applyTheme colours them again, and redraws.
    Object.assign(chart.options.scales!.x!, xAxis(end));
    chart.options.scales!.y!.suggestedMax = yMax;
    applyTheme();
  });
  watch(isDark, applyTheme, { flush: 'post' });
}

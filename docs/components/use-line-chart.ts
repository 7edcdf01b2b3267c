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
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';

// Only the parts the charts use, so the rest of chart.js stays out of the bundle. Time is a number, so
// both axes are linear.
Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Legend, Tooltip);

export type LineDataset = ChartDataset<'line', Array<{ x: number; y: number }>>;

export interface LineChartOptions {
  datasets: () => LineDataset[];
  /** The x axis runs from 0 to the end of the run, so lines grow into a fixed frame. */
  end: () => number;
  yMax: () => number;
  yTitle: string;
  stacked?: boolean;
  /** A second y axis on the right, `y2`, for datasets with `yAxisID: 'y2'` (a percentage beside counts). */
  y2?: { title: string; max: number };
}

/** One chart point per value, at its time. */
export const points = (times: number[], values: number[]) => values.map((y, i) => ({ x: times[i], y }));

export const minuteSecond = (ms: number) => `${Math.floor(ms / 60000)}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, '0')}`;

/** A chart over virtual time on `canvas`, redrawn when its data changes and recoloured with the site's theme. */
export function useLineChart(canvas: Ref<HTMLCanvasElement | undefined>, options: LineChartOptions) {
  const { isDark } = useData();
  let chart: Chart<'line', Array<{ x: number; y: number }>> | undefined;

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
  }

  onMounted(() => {
    chart = new Chart<'line', Array<{ x: number; y: number }>>(canvas.value!, {
      type: 'line',
      data: { datasets: options.datasets() },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear',
            min: 0,
            max: Math.max(1, options.end()),
            ticks: { callback: (value) => minuteSecond(Number(value)), maxTicksLimit: 8 },
            title: { display: true, text: 'virtual time (min:s)' },
          },
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
          tooltip: { callbacks: { title: (items) => `+${minuteSecond(items[0]?.parsed.x ?? 0)}` } },
        },
      },
    });
    applyTheme();
  });

  watch(options.datasets, (datasets) => {
    if (!chart) return;
    chart.data.datasets = datasets;
    chart.update('none');
  });
  watch(
    () => [options.end(), options.yMax()],
    ([end, yMax]) => {
      if (!chart) return;
      chart.options.scales!.x!.max = Math.max(1, end);
      chart.options.scales!.y!.suggestedMax = yMax;
      chart.update('none');
    },
  );
  watch(isDark, applyTheme, { flush: 'post' });
  onBeforeUnmount(() => chart?.destroy());
}

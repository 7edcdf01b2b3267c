import { computed, type ComputedRef } from 'vue';
import { firstPoints, pointsReached, type CountSeries } from './running-tasks-series.js';

/**
 * The series as far as the playhead (as seriesReached), as a value that changes only when the playhead reaches
 * one more point: what a chart's datasets are made from.
 */
export function useSeriesReached<S extends CountSeries<{ values: Array<number | null> }>>(series: () => S, time: () => number, frames: () => number = () => Infinity): ComputedRef<S> {
  const count = computed(() => pointsReached(series(), time(), frames()));
  return computed(() => firstPoints(series(), count.value));
}

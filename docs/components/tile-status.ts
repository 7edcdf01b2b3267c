import type { TaskTile } from '../../core/index.js';

/** How a task tile is drawn: one of five states a learner tells apart by fill, border and glyph. */
export type TileStatus = 'pending' | 'running' | 'healthy' | 'stopping' | 'failed';

export const TILE_STATES: Record<TileStatus, { glyph: string; words: string }> = {
  pending: { glyph: '…', words: 'starting' },
  running: { glyph: '▶', words: 'running, not yet healthy' },
  healthy: { glyph: '✓', words: 'healthy' },
  stopping: { glyph: '■', words: 'stopping' },
  failed: { glyph: '✗', words: 'failed to start' },
};

export function tileStatus(task: TaskTile): TileStatus {
  if (task.stopCode === 'TaskFailedToStart') return 'failed';
  if (task.desiredStatus === 'STOPPED' || task.lastStatus === 'STOPPED') return 'stopping';
  if (task.lastStatus !== 'RUNNING') return 'pending';
  return task.healthy ? 'healthy' : 'running';
}

/** What the cluster view has selected for its details panel. */
export interface Selection {
  kind: 'task' | 'instance';
  arn: string;
}

/** Fargate tasks run on FARGATE unless a capacity provider strategy put them on FARGATE_SPOT. */
export const fargateProvider = (task: TaskTile) => task.capacityProviderName ?? 'FARGATE';

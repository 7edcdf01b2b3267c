import { describe, expect, it } from 'vitest';
import { selectTasksToStop, type StoppableTask } from '../../core/ecs/services/scale-in-selection.js';

const task = (taskArn: string, availabilityZone: string, containerInstanceId: string, createdAt = 0, state: 'healthy' | 'pending' | 'unhealthy' = 'healthy'): StoppableTask => ({
  taskArn,
  availabilityZone,
  containerInstanceId,
  createdAt,
  healthy: state === 'healthy',
  pending: state === 'pending',
});

describe('scale-in task selection (Developer Guide: the zone with the most tasks, then the instance with the most)', () => {
  it('takes from the zone with the most tasks, keeping the zones balanced', () => {
    const tasks = [task('a1', 'a', 'i1'), task('a2', 'a', 'i1'), task('a3', 'a', 'i2'), task('b1', 'b', 'i3'), task('c1', 'c', 'i4')];
    const [first, second] = selectTasksToStop(tasks, 2);
    expect(first.startsWith('a')).toBe(true);
    expect(second.startsWith('a')).toBe(true);
  });

  it('within the zone, takes from the instance with the most tasks, the newest task first', () => {
    const tasks = [task('old', 'a', 'busy', 1), task('new', 'a', 'busy', 5), task('alone', 'a', 'quiet', 9)];
    expect(selectTasksToStop(tasks, 1)).toEqual(['new']);
  });

  it('stops tasks not yet running before unhealthy ones, and unhealthy ones before healthy ones', () => {
    const tasks = [task('healthy', 'a', 'i1', 0), task('sick', 'b', 'i2', 0, 'unhealthy'), task('starting', 'c', 'i3', 0, 'pending')];
    expect(selectTasksToStop(tasks, 3)).toEqual(['starting', 'sick', 'healthy']);
  });
});

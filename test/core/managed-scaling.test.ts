import { describe, expect, it } from 'vitest';
import { capacityProviderReservation, decideScaling, DEFAULT_MANAGED_SCALING, instancesNeededFor } from '../../core/ecs/capacity/managed-scaling.js';

const base = { settings: DEFAULT_MANAGED_SCALING, running: 2, launching: 0, needed: 2, emptyInstances: 0, minSize: 0, maxSize: 10, minutesBelowTarget: 0, warmingUp: false };

describe('CapacityProviderReservation', () => {
  it('is M / N × 100, and 200 when tasks wait on an empty group', () => {
    expect(capacityProviderReservation(3, 2)).toBe(150);
    expect(capacityProviderReservation(2, 2)).toBe(100);
    expect(capacityProviderReservation(0, 2)).toBe(0);
    expect(capacityProviderReservation(1, 0)).toBe(200);
    expect(capacityProviderReservation(0, 0)).toBe(100);
  });

  it('counts instances needed by packing tasks onto the group instance size, ignoring tasks that can never fit', () => {
    const m5large = { cpu: 2048, memory: 7681 };
    expect(instancesNeededFor(Array.from({ length: 8 }, () => ({ cpu: 512, memory: 1024 })), m5large)).toBe(2);
    expect(instancesNeededFor([{ cpu: 4096, memory: 1024 }], m5large)).toBe(0);
  });
});

describe('managed scaling decisions', () => {
  it('scales out to what is needed, within the step sizes and the group maximum', () => {
    expect(decideScaling({ ...base, running: 0, needed: 3 })).toBe(3);
    expect(decideScaling({ ...base, running: 0, needed: 3, settings: { ...DEFAULT_MANAGED_SCALING, maximumScalingStepSize: 2 } })).toBe(2);
    expect(decideScaling({ ...base, running: 9, needed: 20 })).toBe(1);
  });

  it('keeps spare room with a target capacity under 100', () => {
    expect(decideScaling({ ...base, running: 4, needed: 4, settings: { ...DEFAULT_MANAGED_SCALING, targetCapacity: 80 } })).toBe(1);
  });

  it('waits for launched instances to warm up before the next step out', () => {
    expect(decideScaling({ ...base, running: 1, needed: 4, warmingUp: true })).toBe(0);
  });

  it('scales in only empty instances, after 15 minutes below target', () => {
    expect(decideScaling({ ...base, running: 4, needed: 2, emptyInstances: 2, minutesBelowTarget: 14 })).toBe(0);
    expect(decideScaling({ ...base, running: 4, needed: 2, emptyInstances: 2, minutesBelowTarget: 15 })).toBe(-2);
    expect(decideScaling({ ...base, running: 4, needed: 2, emptyInstances: 1, minutesBelowTarget: 15 })).toBe(-1);
    expect(decideScaling({ ...base, running: 4, needed: 0, emptyInstances: 4, minutesBelowTarget: 20, minSize: 1 })).toBe(-3);
  });
});

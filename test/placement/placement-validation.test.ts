import { describe, expect, it } from 'vitest';
import { validatePlacementConstraints } from '../../core/ecs/placement/validate-placement-constraints.js';
import { validatePlacementStrategy } from '../../core/ecs/placement/validate-placement-strategy.js';
import { rejection } from '../core/rejection.js';

describe('validatePlacementConstraints', () => {
  it('accepts distinctInstance and memberOf, and no constraints at all', () => {
    const input = [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }];
    expect(validatePlacementConstraints(input, 'placementConstraints')).toEqual(input);
    expect(validatePlacementConstraints(undefined, 'placementConstraints')).toEqual([]);
  });

  it('rejects an expression on distinctInstance, even an empty one', () => {
    for (const expression of ['', 'attribute:x exists']) {
      expect(rejection(() => validatePlacementConstraints([{ type: 'distinctInstance', expression }], 'placementConstraints'))).toEqual({
        name: 'InvalidParameterException',
        field: 'placementConstraints[0].expression',
        message: 'distinctInstance expression should not be specified.',
      });
    }
  });

  it('requires an expression on memberOf', () => {
    expect(rejection(() => validatePlacementConstraints([{ type: 'memberOf' }], 'placementConstraints'))).toMatchObject({
      field: 'placementConstraints[0].expression',
      message: 'placementConstraints[0].expression should not be null or empty.',
    });
  });

  it('parses memberOf expressions when the request comes in, naming the field', () => {
    const input = [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type ==' }];
    const error = rejection(() => validatePlacementConstraints(input, 'placementConstraints'));
    expect(error.field).toBe('placementConstraints[1].expression');
    expect(error.message).toMatch(/^memberOf expression is invalid at position 31: expected a value after '=='\n/);
  });

  it('allows 10 constraints, the task definition’s included', () => {
    const memberOf = { type: 'memberOf', expression: 'attribute:x exists' };
    expect(validatePlacementConstraints(Array(10).fill(memberOf), 'placementConstraints')).toHaveLength(10);
    expect(rejection(() => validatePlacementConstraints(Array(11).fill(memberOf), 'placementConstraints')).message).toBe(
      'placementConstraints can have at most 10 items (got 11).',
    );
    expect(rejection(() => validatePlacementConstraints(Array(9).fill(memberOf), 'placementConstraints', 2)).message).toBe(
      "placementConstraints can have at most 8 items besides the task definition's 2 (got 9).",
    );
  });

  it('rejects unknown types and fields', () => {
    expect(rejection(() => validatePlacementConstraints([{ type: 'sameZone' }], 'placementConstraints'))).toMatchObject({
      field: 'placementConstraints[0].type',
    });
    expect(rejection(() => validatePlacementConstraints([{}], 'placementConstraints')).message).toBe(
      'placementConstraints[0].type should not be null or empty.',
    );
    expect(rejection(() => validatePlacementConstraints([{ type: 'memberOf', expresion: 'x' }], 'placementConstraints')).message).toContain(
      'did you mean expression?',
    );
    expect(rejection(() => validatePlacementConstraints({ type: 'memberOf' }, 'placementConstraints')).message).toBe(
      'placementConstraints must be a list.',
    );
  });
});

describe('validatePlacementStrategy', () => {
  it('accepts the documented rules, keeping fields as written', () => {
    const input = [
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'spread', field: 'instanceId' },
      { type: 'spread', field: 'host' },
      { type: 'binpack', field: 'MEMORY' },
      { type: 'random' },
    ];
    expect(validatePlacementStrategy(input, 'placementStrategy')).toEqual(input);
  });

  it('allows at most 5 rules', () => {
    expect(rejection(() => validatePlacementStrategy(Array(6).fill({ type: 'random' }), 'placementStrategy')).message).toBe(
      'placementStrategy can have at most 5 items (got 6).',
    );
  });

  it.each([
    [{ type: 'random', field: 'cpu' }, 'placementStrategy[0].field must not be set for random (got "cpu").'],
    [{ type: 'binpack', field: 'disk' }, 'placementStrategy[0].field must be cpu or memory for binpack (got "disk").'],
    [{ type: 'binpack' }, 'placementStrategy[0].field must be cpu or memory for binpack.'],
    [{ type: 'spread', field: 'zone' }, 'placementStrategy[0].field must be instanceId, host or attribute:<name> for spread (got "zone").'],
    [{ type: 'spread', field: 'attribute:' }, 'placementStrategy[0].field must be instanceId, host or attribute:<name> for spread (got "attribute:").'],
    [{ type: 'spread' }, 'placementStrategy[0].field must be instanceId, host or attribute:<name> for spread.'],
    [{ field: 'cpu' }, 'placementStrategy[0].type should not be null or empty.'],
  ])('rejects %j', (rule, message) => {
    const error = rejection(() => validatePlacementStrategy([rule], 'placementStrategy'));
    expect(error.message).toBe(message);
    expect(error.name).toBe('InvalidParameterException');
    expect(error.field).toMatch(/^placementStrategy\[0\]\.(field|type)$/);
  });
});

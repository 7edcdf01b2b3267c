import { describe, expect, it } from 'vitest';
import { decodePlayerLink, encodePlayerLink, playerLinkUrl, type PlayerLink } from '../../docs/components/permalink.js';

const link: PlayerLink = {
  feature: 'rolling-update',
  scenario: 'Try your own deployment configuration',
  seed: 42,
  values: { minimumHealthyPercent: '50', maximumPercent: '150' },
};

describe('a player permalink', () => {
  it('decodes to exactly the run it encodes: feature, scenario, seed and values', () => {
    expect(decodePlayerLink(encodePlayerLink(link))).toEqual(link);
  });

  it('survives names and values with spaces, slashes, % and & in them', () => {
    const odd = { ...link, scenario: 'The defaults (100 % / 200 %) & more', values: { image: 'web:2 #beta' } };
    expect(decodePlayerLink(encodePlayerLink(odd))).toEqual(odd);
  });

  it('replaces the query of the page address and keeps its path', () => {
    const url = playerLinkUrl('http://127.0.0.1:4173/chapters/rolling-updates?old=1#the-two-percentages', link);
    expect(url.startsWith('http://127.0.0.1:4173/chapters/rolling-updates?play=rolling-update&')).toBe(true);
    expect(decodePlayerLink(new URL(url).search)).toEqual(link);
  });

  it('is no link when the address names no feature or a seed that is not a whole number', () => {
    expect(decodePlayerLink('')).toBeUndefined();
    expect(decodePlayerLink('?q=ecs')).toBeUndefined();
    expect(decodePlayerLink('?play=fargate&seed=abc')).toBeUndefined();
  });
});

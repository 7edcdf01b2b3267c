import fc from 'fast-check';

/** One seed for every property in `npm test` (override with FAST_CHECK_SEED to explore). */
fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20261122) });

'use strict';

/**
 * Median milliseconds of `runs` calls of `work(i)`, after `warmup` calls not counted (caches,
 * prepared statements, the JIT).
 */
async function medianMs(work, runs = 30, warmup = 3) {
  for (let i = 0; i < warmup; i += 1) await work(i);
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await work(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

module.exports = { medianMs };

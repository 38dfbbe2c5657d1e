import { Bench } from 'tinybench';

export interface MeasureOptions {
  /** Calls per timed sample: one call of a few microseconds is too short for the timer. */
  batch?: number;
  /** Rounds; in each, every task is measured once, in turn. */
  rounds?: number;
  /** Measuring time per task and round, in ms. */
  time?: number;
  /**
   * 'cpu' (default) times samples with this process's CPU time, so other processes competing for
   * the cores slow a task down far less than they stretch wall-clock time; 'wall' uses the clock.
   */
  clock?: 'cpu' | 'wall';
}

/** CPU time of this process (all threads, so GC work counts) in ms. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Operations per second of each task. Tasks are measured in alternating rounds and each keeps
 * its best round: on a shared machine other load only ever slows a round down, and alternating
 * exposes every task to the same quiet and busy spells, which keeps their ratio meaningful.
 * Within a round the rate is batch / mean sample time (tinybench's `period`), not the mean of
 * per-sample rates, which over-weights the fastest samples.
 */
export async function opsPerSecond(tasks: Record<string, () => unknown>, opts: MeasureOptions = {}): Promise<Record<string, number>> {
  const batch = opts.batch ?? 100;
  const rounds = opts.rounds ?? 6;
  const best: Record<string, number> = {};
  let sink: unknown;
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({
      time: opts.time ?? 400,
      warmupTime: round === 0 ? 300 : 50,
      ...(opts.clock === 'wall' ? {} : { now: cpuNow }),
    });
    for (const [name, fn] of Object.entries(tasks)) {
      bench.add(name, () => {
        for (let i = 0; i < batch; i++) sink = fn();
      });
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') {
        throw new Error(`benchmark task "${task.name}" ended ${result.state}${result.state === 'errored' ? `: ${result.error.message}` : ''}`);
      }
      best[task.name] = Math.max(best[task.name] ?? 0, (batch * 1000) / result.period);
    }
  }
  // Keeps the results observable so the engine cannot drop the calls as dead code.
  if (sink === Symbol.for('never')) console.log(sink);
  return best;
}

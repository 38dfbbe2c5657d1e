import type { TranslationKey } from '../../i18n/keys.ts';
import type { BatchAction } from './types.ts';

export interface Refused<T> {
  item: T;
  reason: TranslationKey;
}

/** Splits a selection into what the action may be sent for and what it may not, with why. */
export function partitionBatch<T>(items: readonly T[], check: BatchAction<T>['check']): { allowed: T[]; refused: Refused<T>[] } {
  const allowed: T[] = [];
  const refused: Refused<T>[] = [];
  for (const item of items) {
    const reason = check(item);
    if (reason === undefined) allowed.push(item);
    else refused.push({ item, reason });
  }
  return { allowed, refused };
}

export type BatchResult<T> = { item: T; ok: true } | { item: T; ok: false; error: unknown };

/**
 * Runs the action for each item in turn. One refusal does not stop the others: every item gets
 * its own result, reported as it arrives so the dialog can show progress.
 */
export async function runBatch<T>(
  items: readonly T[],
  run: BatchAction<T>['run'],
  onResult: (result: BatchResult<T>, done: number) => void = () => {},
): Promise<BatchResult<T>[]> {
  const results: BatchResult<T>[] = [];
  for (const item of items) {
    let result: BatchResult<T>;
    try {
      await run(item);
      result = { item, ok: true };
    } catch (error) {
      result = { item, ok: false, error };
    }
    results.push(result);
    onResult(result, results.length);
  }
  return results;
}

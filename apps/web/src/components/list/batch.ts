import type { TranslationKey } from '../../i18n/keys.ts';
import type { Task, TaskError } from '@console/contract';
import { qualifiedCode } from '../errorText.ts';
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

/** A subtask's failure, in the words and codes the task center shows for it. */
export class BatchItemError extends Error {
  override readonly name = 'BatchItemError';
  constructor(readonly taskError: TaskError) {
    super(`${taskError.message} (${qualifiedCode(taskError)})`);
  }
}

/**
 * Sends the whole selection as one batch request. The BFF answers with one task whose subtasks
 * say, per item, whether it was refused, failed upstream, or is under way.
 */
export async function runBatchTask<T>(
  items: readonly T[],
  runMany: NonNullable<BatchAction<T>['runMany']>,
  getId: (item: T) => string,
): Promise<{ task?: Task; results: BatchResult<T>[] }> {
  let task: Task;
  try {
    ({ task } = await runMany(items));
  } catch (error) {
    return { results: items.map((item) => ({ item, ok: false, error })) };
  }
  const byTarget = new Map(task.subtasks.filter((s) => s.target).map((s) => [s.target!.id, s]));
  const results = items.map((item): BatchResult<T> => {
    const subtask = byTarget.get(getId(item));
    if (!subtask) return { item, ok: false, error: new BatchItemError({ code: 'NO_ANSWER', message: 'no answer for this item' }) };
    return subtask.error ? { item, ok: false, error: new BatchItemError(subtask.error) } : { item, ok: true };
  });
  return { task, results };
}

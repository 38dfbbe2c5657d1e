import { invalid } from '../errors.ts';
import { parseTime } from './oplogs.ts';

/** The WHERE clause of a CBR list, built from its query parameters (one way for every list). */
export class QueryFilter {
  private readonly where: string[] = [];
  readonly args: unknown[] = [];

  constructor(private readonly q: URLSearchParams) {}

  add(clause: string, ...values: unknown[]): void {
    this.where.push(clause);
    this.args.push(...values);
  }

  /** `column = ?` when the parameter is given and not empty; `allowed` lists its legal values. */
  eq(key: string, column = key, allowed?: readonly string[]): void {
    const v = this.q.get(key);
    if (v === null || v === '') return;
    if (allowed && !allowed.includes(v)) throw invalid(`${key} must be one of ${allowed.join(', ')}`);
    this.add(`${column} = ?`, v);
  }

  /** `start_time` / `end_time` bounds on the creation time. */
  createdBetween(): void {
    const start = this.q.get('start_time');
    if (start) this.add('created_ms >= ?', parseTime(start, 'start_time'));
    const end = this.q.get('end_time');
    if (end) this.add('created_ms <= ?', parseTime(end, 'end_time'));
  }

  get sql(): string {
    return this.where.length ? `WHERE ${this.where.join(' AND ')}` : '';
  }
}

import { APP_LIMITS, type ActionInput } from '@switchboard/contracts';
import { actionSummaryBytes } from '../apps/app-size.js';
import type { ImportWarnings } from './import-warnings.js';

/**
 * How many of a document's operations become actions: no more than an app holds and its view's summaries carry
 * (APP_LIMITS), so an import never makes an app the catalog would refuse. Operations are taken in document order
 * until one does not fit; the rest are left out with one `too_many_operations` warning, put first.
 */
export class ActionBudget {
  private admitted = 0;
  private bytes = 0;
  private full: 'actions' | 'bytes' | undefined;

  /** `operations`: how many the document has, named in the warning. */
  constructor(private readonly operations: number) {}

  /** Whether the app is full: checked before an operation is read, so no schema is copied for one left out. */
  isFull(): boolean {
    if (this.full === undefined && this.admitted >= APP_LIMITS.actions) this.full = 'actions';
    return this.full !== undefined;
  }

  /** Counts the action in, or refuses it when the app is full or its summary would overflow the budget (then full). */
  admit(action: ActionInput): boolean {
    if (this.isFull()) return false;
    const bytes = actionSummaryBytes(action);
    if (this.bytes + bytes > APP_LIMITS.actionSummaryBytes) {
      this.full = 'bytes';
      return false;
    }
    this.admitted += 1;
    this.bytes += bytes;
    return true;
  }

  /** Warns, ahead of every other warning, that operations were left out, if any were. */
  report(warnings: ImportWarnings, noun: 'operations' | 'requests', pointer: string): void {
    if (this.full === undefined) return;
    const limit =
      this.full === 'actions'
        ? `an app holds at most ${APP_LIMITS.actions} actions`
        : `an app view lists its actions' tags, paths and summaries in at most ${APP_LIMITS.actionSummaryBytes} bytes`;
    warnings.addFirst('too_many_operations', `The document has ${this.operations} ${noun}; ${limit}, so only the first ${this.admitted} became actions`, pointer);
  }
}

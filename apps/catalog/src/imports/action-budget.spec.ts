import { APP_LIMITS, type ActionInput } from '@switchboard/contracts';
import { ActionBudget } from './action-budget.js';
import { ImportWarnings } from './import-warnings.js';

const action = (index: number, summary = ''): ActionInput => ({ tag: `request-${index}`, method: 'GET', path: `/r/${index}`, summary });

describe('ActionBudget', () => {
  it('admits up to the actions an app holds, then is full, and warns first of all about the requests left out', () => {
    const budget = new ActionBudget(APP_LIMITS.actions + 3);
    let admitted = 0;
    while (!budget.isFull()) if (budget.admit(action(admitted))) admitted += 1;
    const warnings = new ImportWarnings();
    warnings.add('missing_servers', 'No request has a base URL');

    budget.report(warnings, 'requests', '/item');

    expect(admitted).toBe(APP_LIMITS.actions);
    expect(warnings.toList()[0]).toEqual({
      code: 'too_many_operations',
      message: 'The document has 5003 requests; an app holds at most 5000 actions, so only the first 5000 became actions',
      pointer: '/item',
    });
  });

  it('refuses the action whose summary would pass the byte budget, and every one after it', () => {
    const budget = new ActionBudget(3000);
    let admitted = 0;
    for (let index = 0; index < 3000 && budget.admit(action(index, 's'.repeat(APP_LIMITS.actionSummaryChars))); index += 1) admitted += 1;

    expect(admitted).toBeLessThan(3000);
    expect(budget.isFull()).toBe(true);
    expect(budget.admit(action(0))).toBe(false);
  });

  it('says nothing when every operation fitted', () => {
    const budget = new ActionBudget(1);
    budget.admit(action(0));
    const warnings = new ImportWarnings();

    budget.report(warnings, 'operations', '/paths');

    expect(warnings.toList()).toEqual([]);
  });
});

import { ChainBudget } from './chain-budget';

describe('ChainBudget', () => {
  it('gives each source its own budget per window, then refuses until the next window', () => {
    const budget = new ChainBudget(2, 60_000);
    expect([budget.take('a', 0), budget.take('a', 10), budget.take('a', 20)]).toEqual([true, true, false]);
    expect(budget.take('b', 30)).toBe(true);
    expect(budget.take('a', 59_999)).toBe(false);
    expect(budget.take('a', 60_000)).toBe(true);
  });
});

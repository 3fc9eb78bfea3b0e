import { describe, expect, it } from '@jest/globals';
import { itemMinutesProblem, moveItem, timeBudget } from './agenda-plan';

describe('moving an agenda item', () => {
  const order = ['a', 'b', 'c'];

  it('swaps it with its neighbour above or below', () => {
    expect(moveItem(order, 1, 'up')).toEqual(['b', 'a', 'c']);
    expect(moveItem(order, 1, 'down')).toEqual(['a', 'c', 'b']);
    expect(moveItem(order, 0, 'down')).toEqual(['b', 'a', 'c']);
  });

  it('leaves the order as it is at either end, or for an unknown place, without changing the given list', () => {
    expect(moveItem(order, 0, 'up')).toEqual(order);
    expect(moveItem(order, 2, 'down')).toEqual(order);
    expect(moveItem(order, 5, 'up')).toEqual(order);
    moveItem(order, 1, 'up');
    expect(order).toEqual(['a', 'b', 'c']);
  });
});

describe('the time of the agenda against the meeting', () => {
  it('adds the items and says what is left', () => {
    expect(timeBudget([15, 20, 10], 120)).toEqual({ total: 45, left: 75, over: false });
  });

  it('is not over when it fills the meeting exactly, and over by the minutes beyond', () => {
    expect(timeBudget([60, 60], 120).over).toBe(false);
    expect(timeBudget([60, 61], 120)).toEqual({ total: 121, left: -1, over: true });
    expect(timeBudget([], 90)).toEqual({ total: 0, left: 90, over: false });
  });
});

describe('an item’s typed minutes', () => {
  it('takes whole numbers from 5 to 120', () => {
    expect(itemMinutesProblem('5')).toBeUndefined();
    expect(itemMinutesProblem(' 120 ')).toBeUndefined();
  });

  it('says in French what is wrong otherwise', () => {
    expect(itemMinutesProblem('4')).toBe('Prévoyez entre 5 et 120 minutes pour un point.');
    expect(itemMinutesProblem('121')).toBe('Prévoyez entre 5 et 120 minutes pour un point.');
    expect(itemMinutesProblem('12,5')).toBe('Indiquez un nombre entier de minutes.');
    expect(itemMinutesProblem('')).toBe('Indiquez un nombre entier de minutes.');
  });
});

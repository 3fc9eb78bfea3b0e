import { describe, expect, it } from '@jest/globals';
import {
  elapsedOn,
  leaveItems,
  revealSecondsLeft,
  showItem,
  spokenDuration,
  timeBoxState,
} from './meeting-clock';

describe('the meeting’s clock', () => {
  it('says durations as the room reads them', () => {
    expect(spokenDuration(0)).toBe('0 s');
    expect(spokenDuration(45_900)).toBe('45 s');
    expect(spokenDuration(245_000)).toBe('4 min 05 s');
    expect(spokenDuration(3_720_000)).toBe('1 h 02 min');
    expect(spokenDuration(-5_000)).toBe('0 s');
  });

  it('adds up the time spent on an item over several visits, and only while it is on screen', () => {
    let times = showItem({ spent: {} }, 'a', 1_000);
    expect(elapsedOn(times, 'a', 61_000)).toBe(60_000);
    times = showItem(times, 'b', 61_000);
    expect(elapsedOn(times, 'a', 500_000)).toBe(60_000);
    expect(elapsedOn(times, 'b', 91_000)).toBe(30_000);
    times = showItem(times, 'a', 91_000);
    expect(elapsedOn(times, 'a', 101_000)).toBe(70_000);
    times = leaveItems(times, 101_000);
    expect(times.current).toBeUndefined();
    expect(elapsedOn(times, 'a', 999_000)).toBe(70_000);
    expect(elapsedOn(times, 'b', 999_000)).toBe(30_000);
    expect(elapsedOn(times, 'c', 999_000)).toBe(0);
  });

  it('tells the room when to conclude and when the time box is over', () => {
    expect(timeBoxState(5 * 60_000, 10)).toBe('within');
    expect(timeBoxState(8 * 60_000, 10)).toBe('closing');
    expect(timeBoxState(10 * 60_000, 10)).toBe('closing');
    expect(timeBoxState(10 * 60_000 + 1, 10)).toBe('over');
    // A short box still leaves its last minute to conclude.
    expect(timeBoxState(60_000, 2)).toBe('closing');
  });

  it('counts a reveal down from the answer’s arrival, whatever the wall clock says, and never below zero', () => {
    expect(revealSecondsLeft(10_000, 120, 10_000)).toBe(120);
    expect(revealSecondsLeft(10_000, 120, 10_400)).toBe(120);
    expect(revealSecondsLeft(10_000, 120, 11_000)).toBe(119);
    expect(revealSecondsLeft(10_000, 120, 129_500)).toBe(1);
    expect(revealSecondsLeft(10_000, 120, 130_000)).toBe(0);
    expect(revealSecondsLeft(10_000, 120, 500_000)).toBe(0);
  });
});

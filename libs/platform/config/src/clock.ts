/** Time as a dependency, so rules about delays and expiry are tested by moving a clock, not by sleeping. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

import { Clock } from '@relais/config';

/** A clock tests move forward instead of sleeping. */
export class MovableClock extends Clock {
  private current: Date;

  constructor(start: Date = new Date()) {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }

  set(date: Date): void {
    this.current = new Date(date);
  }
}

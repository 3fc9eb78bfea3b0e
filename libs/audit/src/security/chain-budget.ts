/**
 * How many security events one source may add to the audit chain per window. Each event is
 * written under the territory's chain lock: without a bound, a signed-in account sending refused
 * requests in a loop would make the chain (and every writer waiting on it) its hostage. Beyond
 * the budget the events are still logged, as lines only.
 */
export class ChainBudget {
  private windowStartedAt = 0;
  private readonly spent = new Map<string, number>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
  ) {}

  /** Takes one event from the source's budget; false when it is spent for this window. */
  take(source: string, now: number): boolean {
    // One window for every source: the map is emptied at each turn, so it never grows past one
    // window's sources.
    if (now - this.windowStartedAt >= this.windowMs) {
      this.windowStartedAt = now;
      this.spent.clear();
    }
    const spent = this.spent.get(source) ?? 0;
    if (spent >= this.perWindow) return false;
    this.spent.set(source, spent + 1);
    return true;
  }
}

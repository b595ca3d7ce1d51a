/**
 * Rate limits: a token bucket refilled at `perSecond` up to `burst`. Time comes from the caller (the
 * server's clock), so a test can freeze it and flood a connection deterministically.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** Whether a token is there now, without taking it. */
  peek(nowMs: number): boolean {
    this.refill(nowMs);
    return this.tokens >= 1;
  }

  /** Takes one token if there is one. */
  take(nowMs: number): boolean {
    if (!this.peek(nowMs)) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.lastMs);
    this.lastMs = nowMs;
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
  }
}

/**
 * A token bucket per API key, in memory: `perSecond` requests per second with bursts of twice
 * that. Per process; with several app processes each allows the rate. It protects the instance
 * from a runaway client, it is not a quota (no library needed for forty lines of arithmetic).
 */
export function keyRateLimiter(perSecond: number, now: () => number = () => performance.now()) {
  const burst = perSecond * 2;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** 0 when the request may pass, otherwise the seconds to wait. */
    take(keyId: string): number {
      if (perSecond <= 0) return 0;
      const t = now();
      const b = buckets.get(keyId) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
      b.at = t;
      buckets.set(keyId, b);
      if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value!);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - b.tokens) / perSecond);
    },
  };
}

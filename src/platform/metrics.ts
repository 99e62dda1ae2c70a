import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Prometheus metrics of this process, served at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "dienstwerk_" });
  const httpRequests = new Counter({
    name: "dienstwerk_http_requests_total",
    help: "HTTP requests by method, route and status class",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "dienstwerk_http_request_duration_seconds",
    help: "HTTP request duration",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobsCompleted = new Counter({
    name: "dienstwerk_jobs_total",
    help: "Jobs worked by queue and outcome",
    labelNames: ["queue", "outcome"] as const,
    registers: [registry],
  });
  return { registry, httpRequests, httpDuration, jobsCompleted };
}

export type Metrics = ReturnType<typeof createMetrics>;

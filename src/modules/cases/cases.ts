import type { Actor } from "../../core/index.ts";
import type { Platform } from "../../platform/http/context.ts";
import {
  type ActionRequest,
  CASE_EFFECT_QUEUE,
  type CaseRef,
  caseWithActions,
  type EffectJob,
  type InlineEffectHandler,
  performCaseAction,
  returnCaseProposal,
} from "./case-actions.service.ts";
import { type Submission, submitApplication } from "./cases.service.ts";

/** Runs one effect of a case (postbox message, notice, ...). Must be idempotent: jobs may repeat. */
export type EffectHandler = (job: EffectJob) => Promise<void>;

/**
 * The case engine of the running platform: submitting applications, performing actions, and the
 * registry of effect handlers. Effects of a type without a handler are recorded in the history
 * (event payload `effects`) and not queued; modules register handlers at composition time,
 * before the job queue starts.
 */
export function createCases(platform: Platform) {
  const handlers = new Map<string, EffectHandler>();
  platform.jobs.define<EffectJob>(CASE_EFFECT_QUEUE, async (job) => {
    const handler = handlers.get(job.effect.type);
    if (!handler) throw new Error(`No handler for case effect ${job.effect.type}`);
    await handler(job);
  });
  const inline = new Map<string, InlineEffectHandler>();
  const runnable = () => new Set(handlers.keys());
  return {
    /** Registers the handler of an effect type (one per type). */
    onEffect(type: string, handler: EffectHandler): void {
      if (handlers.has(type)) throw new Error(`Case effect ${type} has a handler already`);
      handlers.set(type, handler);
    },
    /**
     * Registers an effect that runs inside the action's transaction (one per type, and not also
     * as a job): an error refuses the action and leaves the case as it was.
     */
    onEffectInTransaction(type: string, handler: InlineEffectHandler): void {
      if (handlers.has(type) || inline.has(type))
        throw new Error(`Case effect ${type} has a handler already`);
      inline.set(type, handler);
    },
    submit: (s: Submission) => submitApplication(platform, s, runnable()),
    perform: (p: ActionRequest) => performCaseAction(platform, p, runnable(), inline),
    /** Returns a proposal awaiting second approval (or the proposer withdraws it). */
    returnProposal: (p: Parameters<typeof returnCaseProposal>[1]) =>
      returnCaseProposal(platform, p),
    withActions: (ref: CaseRef, actor: Actor, now?: Date) =>
      caseWithActions(platform, ref, actor, now),
  };
}

export type Cases = ReturnType<typeof createCases>;

import type { z } from "zod";
import type { Field, GroupField, LeafField } from "./fields.schema.ts";
import type { Action, Effect, Period, Status } from "./process.schema.ts";
import type { Definition, FeeItem, FeeTable } from "./schema.ts";

/** A validated service definition (defaults applied). */
export type ServiceDefinition = z.output<typeof Definition>;
/** A service definition as authored (before defaults). */
export type ServiceDefinitionInput = z.input<typeof Definition>;
export type FieldDef = z.output<typeof Field>;
export type LeafFieldDef = z.output<typeof LeafField>;
export type GroupFieldDef = z.output<typeof GroupField>;
export type FieldType = FieldDef["type"];
export type StatusDef = z.output<typeof Status>;
export type ActionDef = z.output<typeof Action>;
export type EffectDef = z.output<typeof Effect>;
export type PeriodDef = z.output<typeof Period>;
export type FeeItemDef = z.output<typeof FeeItem>;
export type FeeTableDef = z.output<typeof FeeTable>;
export type StatusKind = StatusDef["kind"];

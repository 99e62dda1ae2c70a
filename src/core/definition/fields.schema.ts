import { z } from "zod";

/** A field id: an identifier usable as a FEEL variable name (`dogBreed`, `applicant2`). */
export const Identifier = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "must be an identifier: a letter, then letters, digits or _");

/** A FEEL expression as source text; checked for syntax and references on load. */
export const FeelSource = z.string().min(1).describe("FEEL expression");

/**
 * A date bound: `today`, `today+14d`, `today-18y`, `today+3m` (relative to the `today`
 * passed to validation) or a fixed ISO date `2025-01-31`.
 */
export const DateBound = z
  .string()
  .regex(
    /^(today([+-]\d{1,4}[dmy])?|\d{4}-\d{2}-\d{2})$/,
    "must be today, today±N(d|m|y) or YYYY-MM-DD",
  );

/** Attributes of the citizen account a field may be prefilled from. */
export const PrefillSource = z.enum([
  "account.givenName",
  "account.familyName",
  "account.name",
  "account.birthDate",
  "account.email",
  "account.phone",
  "account.address",
]);

/** One choice of a select, radio or multiselect field. */
export const Option = z.strictObject({ value: z.string().min(1), label: z.string().min(1) });

/** A cross-field rule: the field is invalid unless `rule` is true. */
export const Constraint = z.strictObject({
  rule: FeelSource,
  message: z.string().min(1).describe("German message shown when the rule is false"),
});

const base = {
  id: Identifier,
  label: z.string().min(1),
  hint: z.string().optional(),
  required: z.boolean().optional(),
  requiredIf: FeelSource.optional(),
  visibleIf: FeelSource.optional(),
  constraints: z.array(Constraint).optional(),
  prefill: PrefillSource.optional(),
};

/** Fields whose value can be computed by a FEEL expression instead of being entered. */
const computable = { computed: FeelSource.optional() };

const choice = {
  options: z.array(Option).min(1).optional(),
  codeList: Identifier.optional().describe("id of an entry in the definition's codeLists"),
};

const TextField = z.strictObject({
  ...base,
  ...computable,
  type: z.literal("text"),
  minLength: z.int().min(0).optional(),
  maxLength: z.int().min(1).optional(),
  pattern: z
    .string()
    .optional()
    .describe("JavaScript regular expression the whole value must match"),
});
const TextareaField = z.strictObject({
  ...base,
  type: z.literal("textarea"),
  minLength: z.int().min(0).optional(),
  maxLength: z.int().min(1).optional(),
});
const NumberField = z.strictObject({
  ...base,
  ...computable,
  type: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
});
const IntegerField = z.strictObject({
  ...base,
  ...computable,
  type: z.literal("integer"),
  min: z.int().optional(),
  max: z.int().optional(),
});
const MoneyField = z.strictObject({
  ...base,
  ...computable,
  type: z.literal("money"),
  min: z.int().optional().describe("in cents"),
  max: z.int().optional().describe("in cents"),
});
const DateField = z.strictObject({
  ...base,
  ...computable,
  type: z.literal("date"),
  min: DateBound.optional(),
  max: DateBound.optional(),
});
/** A time of day, `HH:MM` (24 hours). */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM");
const TimeField = z.strictObject({
  ...base,
  type: z.literal("time"),
  min: TimeOfDay.optional(),
  max: TimeOfDay.optional(),
});
const BooleanField = z.strictObject({
  ...base,
  ...computable,
  type: z.literal("boolean").describe("required means: must be true (a consent checkbox)"),
});
const SelectField = z.strictObject({ ...base, ...choice, type: z.literal("select") });
const RadioField = z.strictObject({ ...base, ...choice, type: z.literal("radio") });
const MultiselectField = z.strictObject({
  ...base,
  ...choice,
  type: z.literal("multiselect"),
  minItems: z.int().min(0).optional(),
  maxItems: z.int().min(1).optional(),
});
const EmailField = z.strictObject({ ...base, type: z.literal("email") });
const PhoneField = z.strictObject({ ...base, type: z.literal("phone") });
const PostcodeField = z.strictObject({ ...base, type: z.literal("postcode") });
const AddressField = z.strictObject({ ...base, type: z.literal("address") });
const PersonNameField = z.strictObject({ ...base, type: z.literal("personName") });
const IbanField = z.strictObject({ ...base, type: z.literal("iban") });
const FileField = z.strictObject({
  ...base,
  type: z.literal("file"),
  accept: z
    .array(z.string().regex(/^[a-z]+\/[a-z0-9.+*-]+$/))
    .min(1)
    .describe("MIME types"),
  maxSizeBytes: z.int().min(1),
  maxFiles: z.int().min(1).optional(),
});
const InfoField = z.strictObject({
  id: Identifier,
  type: z.literal("info"),
  label: z.string().optional(),
  text: z.string().min(1),
  visibleIf: FeelSource.optional(),
});

/** Every field type except the repeating group (groups hold these). */
export const LeafField = z.discriminatedUnion("type", [
  TextField,
  TextareaField,
  NumberField,
  IntegerField,
  MoneyField,
  DateField,
  TimeField,
  BooleanField,
  SelectField,
  RadioField,
  MultiselectField,
  EmailField,
  PhoneField,
  PostcodeField,
  AddressField,
  PersonNameField,
  IbanField,
  FileField,
  InfoField,
]);

/** A repeating group: a list of items, each with the group's fields (one level deep). */
export const GroupField = z.strictObject({
  ...base,
  type: z.literal("group"),
  fields: z.array(LeafField).min(1),
  minItems: z.int().min(0).optional(),
  maxItems: z.int().min(1).optional(),
  itemLabel: z.string().optional(),
});

/** Any form field. */
export const Field = z.discriminatedUnion("type", [...LeafField.options, GroupField]);

/** The field types a definition may use. */
export const FIELD_TYPES = Field.options.map((o) => o.shape.type.value);

/**
 * What the platform supplies to `{{placeholders}}` besides the case data, by root name, with
 * the keys each root knows. `dates` (the document's own named dates) and `item` (inside a
 * repeated block) depend on where a text is used and are not listed here. `today` is a value
 * itself and has no keys.
 */
export const PLATFORM_PLACEHOLDERS = {
  case: ["reference", "submittedAt", "status", "service"],
  // the municipality's settings (tenants module): name, address, contact and bank details
  tenant: [
    "name",
    "street",
    "postcode",
    "city",
    "phone",
    "email",
    "website",
    "openingHours",
    "iban",
    "bic",
    "bankName",
  ],
  applicant: ["name", "address"],
  fees: ["total"],
  payment: ["reference", "dueDate", "total"],
  today: [],
} as const satisfies Record<string, readonly string[]>;

/** A root of `PLATFORM_PLACEHOLDERS`. */
export type PlatformRoot = keyof typeof PLATFORM_PLACEHOLDERS;

/** Every root a placeholder may start with besides the data: the platform's, and `dates`. */
export const PLACEHOLDER_ROOTS: readonly string[] = [
  ...Object.keys(PLATFORM_PLACEHOLDERS),
  "dates",
];

/** A block of a municipality's library of text blocks (Textbausteine), by key. */
export type LibraryBlock = { title?: string; text: string };

/** The municipality's text blocks by key: what a document's `textBlock` finds after the service's own. */
export type TextBlockLibrary = Readonly<Record<string, LibraryBlock>>;

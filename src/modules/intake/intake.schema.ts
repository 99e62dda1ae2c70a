import { z } from "zod";

/** Largest accepted request body (the application's JSON; files are not part of this API). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** `Idempotency-Key`: printable ASCII, 8 to 200 characters (e.g. a UUID the client chose). */
export const idempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/)
  .meta({
    description:
      "Chosen by the client, one per application (e.g. a UUID). Repeating a request with the same key and body returns the first case; the same key with another body is refused with 409. Keys are scoped to the API key.",
    example: "3f1c2a9e-7d41-4b8a-9c55-0e6f1b2d7a10",
  });

export const applicationRequest = z
  .object({
    data: z.record(z.string(), z.unknown()).meta({
      description:
        "The application's answers, keyed by the field ids of the service definition (the same data the online form produces: dates as YYYY-MM-DD, money in cents, repeating groups as arrays of objects).",
      example: { dogName: "Bello", breed: "mischling" },
    }),
  })
  .meta({ description: "An application for one service." });

export const submittedApplication = z
  .object({
    caseId: z.uuid().meta({ description: "The case (Vorgang) the application became." }),
    reference: z.string().meta({
      description: "The case reference (Aktenzeichen) to quote in correspondence.",
      example: "HUND-2026-00042",
    }),
    status: z.string().meta({
      description: "The case's status id in the service's process.",
      example: "eingegangen",
    }),
  })
  .meta({ description: "The case an application became." });

export const problem = z
  .object({
    path: z.string().meta({
      description:
        'Where in the request: a field path such as `dogs[1].name` ("" = the whole data).',
    }),
    code: z
      .string()
      .meta({ description: "Stable machine-readable code, e.g. `validation.required`." }),
    message: z
      .string()
      .meta({ description: "Human-readable, German or English (Accept-Language)." }),
  })
  .meta({ description: "One invalid entry." });

export const apiError = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: "Stable machine-readable code.", example: "cases.error.invalid" }),
      message: z
        .string()
        .meta({ description: "German by default; English with `Accept-Language: en`." }),
      requestId: z.string().optional().meta({ description: "Quote this in enquiries." }),
      problems: z.array(problem).optional().meta({ description: "Each invalid entry (422, 400)." }),
    }),
  })
  .meta({ description: "Every error answer has this shape." });

export type ApiProblem = z.infer<typeof problem>;

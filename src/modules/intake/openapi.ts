import { z } from "zod";
import {
  apiError,
  applicationRequest,
  idempotencyKey,
  MAX_BODY_BYTES,
  problem,
  submittedApplication,
} from "./intake.schema.ts";

const schemaOf = (s: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema: _drop, ...json } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return json;
};

/** The named schemas, with references between them pointing into `components/schemas`. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(applicationRequest, { id: "ApplicationRequest" });
  registry.add(submittedApplication, { id: "SubmittedApplication" });
  registry.add(problem, { id: "Problem" });
  registry.add(apiError, { id: "Error" });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  });
  const out: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _drop, $id: _id, ...json } = schema as Record<string, unknown>;
    out[id] = json;
  }
  return out;
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const tenantParam = {
  name: "tenant",
  in: "path",
  required: true,
  description: "The municipality's short name (as in its portal address).",
  schema: { type: "string", pattern: "^[a-z0-9-]{2,60}$" },
};

/**
 * The OpenAPI 3.1 document of the JSON API, built from the zod schemas the routes validate
 * with, so that the description cannot drift from what the server accepts.
 */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const submittedRef = {
    "application/json": { schema: { $ref: "#/components/schemas/SubmittedApplication" } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Dienstwerk JSON API",
      version: "1.0.0",
      description:
        "Submit applications to a municipality's published online services from other portals and scanning centres. Applications are validated exactly like the online form; each becomes a case (Vorgang) with a reference (Aktenzeichen). Authenticate with an API key that the municipality's administrators create under Verwaltung → API-Schlüssel.",
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/{tenant}/services/{service}/applications": {
        post: {
          operationId: "submitApplication",
          summary: "Submit an application",
          description: `Validates the data against the newest published version of the service and creates a case, its history and its follow-up jobs in one transaction. Bodies over ${MAX_BODY_BYTES} bytes are refused.`,
          parameters: [
            tenantParam,
            {
              name: "service",
              in: "path",
              required: true,
              description: "The service's id (slug), e.g. `hund-anmelden`.",
              schema: { type: "string" },
            },
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              schema: schemaOf(idempotencyKey, "input"),
            },
            {
              name: "Accept-Language",
              in: "header",
              required: false,
              description: "`en` for English messages; German otherwise.",
              schema: { type: "string", example: "de" },
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/ApplicationRequest" } },
            },
          },
          responses: {
            "201": {
              description: "Created: the application is a case now.",
              headers: {
                Location: {
                  description: "The case's address in this API.",
                  schema: { type: "string" },
                },
              },
              content: submittedRef,
            },
            "200": {
              description:
                "A repeated request (same Idempotency-Key, same body): the case created by the first.",
              content: submittedRef,
            },
            "400": errorResponse(
              'Malformed JSON, a body that is not `{ "data": { ... } }`, or a missing or malformed Idempotency-Key.',
            ),
            "401": errorResponse(
              "Missing, unknown or revoked API key, or a key of another municipality.",
            ),
            "404": errorResponse("The municipality has no published service with this id."),
            "409": errorResponse("The Idempotency-Key was used before with a different body."),
            "413": errorResponse("The body is too large."),
            "415": errorResponse("The body is not `application/json`."),
            "422": errorResponse(
              "The data does not fit the form: `problems` lists every invalid entry by field path.",
            ),
            "429": errorResponse(
              "Too many requests with this key; retry after `Retry-After` seconds.",
            ),
          },
        },
      },
      "/api/v1/{tenant}/applications/{caseId}": {
        get: {
          operationId: "getApplication",
          summary: "Status of an application submitted through this API",
          parameters: [
            tenantParam,
            {
              name: "caseId",
              in: "path",
              required: true,
              schema: { type: "string", format: "uuid" },
            },
          ],
          responses: {
            "200": {
              description: "The case's reference and current status.",
              content: submittedRef,
            },
            "401": errorResponse(
              "Missing, unknown or revoked API key, or a key of another municipality.",
            ),
            "404": errorResponse("No case with this id was submitted through the API."),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "dwk_… (API key of the municipality)",
          description: "`Authorization: Bearer dwk_…`",
        },
      },
      schemas: {
        ...componentSchemas(),
      },
    },
  };
}

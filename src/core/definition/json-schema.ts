import { z } from "zod";
import { Definition } from "./schema.ts";

/**
 * The JSON Schema (draft 2020-12) of a service definition as authored, for editors
 * and the studio. Generated from the zod schema, so the two cannot drift apart.
 */
export function definitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Definition, { io: "input", unrepresentable: "any", reused: "ref" });
  return {
    ...schema,
    $id: "https://dienstwerk.example/schemas/service-definition.schema.json",
    title: "Dienstwerk service definition",
  };
}

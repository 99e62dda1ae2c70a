import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { BUNDESLAENDER, type Bundesland } from "../src/core/calendar/calendar.ts";
import {
  type CommandResult,
  diffCommand,
  lintCommand,
  schemaCommand,
  simulateCommand,
} from "../src/core/cli/index.ts";

const USAGE = `usage:
  dienstwerk service lint FILE
  dienstwerk service simulate FILE --data DATA.json [--actions a,b,c] [--land ST] [--start ISO-INSTANT]
  dienstwerk service diff OLD NEW
  dienstwerk service schema
`;

/**
 * The `service` command line: reads files and prints what the pure commands in
 * src/core/cli return. Returns the exit code; the caller sets it.
 */
export async function runServiceCli(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  let result: CommandResult;
  try {
    result = await run(command, files, values);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  process.stdout.write(result.text);
  return result.exitCode;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: "string" },
      actions: { type: "string" },
      land: { type: "string" },
      start: { type: "string" },
      lang: { type: "string" },
    },
  });
}

async function run(
  command: string | undefined,
  files: string[],
  values: ReturnType<typeof parse>["values"],
): Promise<CommandResult> {
  const language = values.lang === "en" ? "en" : "de";
  if (command === "lint" && files.length === 1)
    return lintCommand(await readFile(files[0], "utf8"), language);
  if (command === "schema") return schemaCommand();
  if (command === "diff" && files.length === 2) {
    return diffCommand(
      await readFile(files[0], "utf8"),
      await readFile(files[1], "utf8"),
      language,
    );
  }
  if (command === "simulate" && files.length === 1 && values.data) {
    const land = (values.land ?? "ST").toUpperCase();
    if (!(BUNDESLAENDER as readonly string[]).includes(land))
      throw new Error(`unknown Land: ${land}`);
    const start = values.start ? new Date(values.start) : new Date();
    if (Number.isNaN(start.getTime())) throw new Error(`not an instant: ${values.start}`);
    const actions = values.actions
      ? values.actions
          .split(",")
          .map((a) => a.trim())
          .filter(Boolean)
      : [];
    const [def, data] = await Promise.all([
      readFile(files[0], "utf8"),
      readFile(values.data, "utf8"),
    ]);
    return simulateCommand(def, data, actions, { land: land as Bundesland, start, language });
  }
  return { text: USAGE, exitCode: 2 };
}

#!/usr/bin/env node
import { runServiceCli } from "./service-cli.ts";

process.exitCode = await runServiceCli(process.argv.slice(2));

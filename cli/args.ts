// A small, strict argument parser: unknown flags and missing values are errors, never guesses.

import { t } from "../app/i18n/translate.js";

export class UsageError extends Error {
  override name = "UsageError"; // i18n-exempt: class name
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(args: readonly string[], spec: { valueFlags: readonly string[]; booleanFlags: readonly string[] }): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (spec.booleanFlags.includes(name)) {
      if (inline !== undefined) throw new UsageError(t("cli.args.noValue", { name }));
      flags.set(name, true);
    } else if (spec.valueFlags.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(t("cli.args.needsValue", { name }));
      flags.set(name, value);
    } else {
      throw new UsageError(t("cli.args.unknownOption", { name }));
    }
  }
  return { positional, flags };
}

export function requiredFlag(parsed: ParsedArgs, name: string): string {
  const value = parsed.flags.get(name);
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(t("cli.args.required", { name }));
  return value;
}

export function optionalFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

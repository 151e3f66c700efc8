import { t } from "../i18n/translate.js";
import type { CountingBallot, CountingInstance } from "./counting/types.js";

/*
 * The Pabulib .pb format (https://pabulib.org): sections META, PROJECTS and
 * VOTES, each a marker line, a header row and data rows with `;`-separated,
 * CSV-quoted fields. Everything a file holds is kept (all META keys, every
 * extra project and voter column) so that serialising a parsed file and
 * parsing it again gives the same instance.
 */

/** Upper limits; a file beyond any of them is rejected before it can exhaust memory. */
export const PABULIB_MAX_CHARS = 256 * 1024 * 1024;
export const PABULIB_MAX_LINES = 2_100_000;
export const PABULIB_MAX_PROJECTS = 10_000;
export const PABULIB_MAX_VOTERS = 2_000_000;
export const PABULIB_MAX_META_ENTRIES = 1_000;
export const PABULIB_MAX_COLUMNS = 256;
export const PABULIB_MAX_FIELD_CHARS = 100_000;
/** Digits in a cost, the budget or a point value. */
export const PABULIB_MAX_NUMBER_DIGITS = 40;

export type PabulibVoteType = "approval" | "cumulative" | "scoring" | "ordinal" | "choose-1";
const VOTE_TYPES: readonly PabulibVoteType[] = ["approval", "cumulative", "scoring", "ordinal", "choose-1"];

/** An exact decimal: units / 10^scale ("12.50" is { units: 1250n, scale: 2 }). */
export interface PabulibDecimal {
  readonly units: bigint;
  readonly scale: number;
}

export interface PabulibMetaEntry {
  readonly key: string;
  readonly value: string;
}

export interface PabulibProject {
  readonly id: string;
  readonly cost: PabulibDecimal;
  /** Values of the other columns, in the order of PabulibInstance.projectColumns without project_id and cost. */
  readonly extra: readonly string[];
}

export interface PabulibVoter {
  readonly id: string;
  /** Listed projects in file order (preference order for ordinal ballots). */
  readonly projectIds: readonly string[];
  /** For cumulative and scoring ballots: points aligned with projectIds; otherwise null. */
  readonly points: readonly bigint[] | null;
  /** Values of the other columns, in the order of PabulibInstance.voterColumns without voter_id, vote and (when parsed) points. */
  readonly extra: readonly string[];
}

export interface PabulibInstance {
  /** Every META entry, in file order. */
  readonly meta: readonly PabulibMetaEntry[];
  readonly voteType: PabulibVoteType;
  readonly budget: PabulibDecimal;
  /** The PROJECTS header as in the file; starts with project_id, cost. */
  readonly projectColumns: readonly string[];
  readonly projects: readonly PabulibProject[];
  /** The VOTES header as in the file; starts with voter_id, vote. */
  readonly voterColumns: readonly string[];
  readonly voters: readonly PabulibVoter[];
}

export type PabulibErrorCode =
  | "too-large"
  | "syntax"
  | "missing-section"
  | "section-order"
  | "wrong-header"
  | "missing-meta"
  | "invalid-meta"
  | "duplicate-meta"
  | "duplicate-project"
  | "duplicate-voter"
  | "unknown-project"
  | "duplicate-in-vote"
  | "invalid-number"
  | "invalid-value"
  | "points-mismatch"
  | "too-many-fields";

export class PabulibError extends Error {
  override readonly name = "PabulibError"; // i18n-exempt: class name
  constructor(
    readonly code: PabulibErrorCode,
    /** 1-based line number in the file (one past the last line for things missing at the end). */
    readonly line: number,
    /** Column, META key or section the problem is in. */
    readonly field: string,
    readonly detail: string,
  ) {
    super(t("results.pabulib.error", { line, field, detail }));
  }
}

export function metaValue(instance: PabulibInstance, key: string): string | undefined {
  return instance.meta.find((e) => e.key === key)?.value;
}

const DECIMAL = /^(\d+)(?:[.,](\d+))?$/;
const INTEGER = /^[+-]?\d+$/;

/** Parses "1500", "1500.00" or "1500,5" (pabutools also accepts a decimal comma). */
export function parseDecimal(text: string): PabulibDecimal | null {
  const m = DECIMAL.exec(text);
  if (m === null) return null;
  const whole = m[1] ?? "";
  const frac = m[2] ?? "";
  if (whole.length + frac.length > PABULIB_MAX_NUMBER_DIGITS) return null;
  return { units: BigInt(whole + frac), scale: frac.length };
}

export function formatDecimal(d: PabulibDecimal): string {
  if (d.scale === 0) return d.units.toString();
  const digits = d.units.toString().padStart(d.scale + 1, "0");
  return `${digits.slice(0, digits.length - d.scale)}.${digits.slice(digits.length - d.scale)}`;
}

interface Row {
  readonly fields: string[];
  /** The first field was quoted, so it can never be a section marker. */
  readonly firstQuoted: boolean;
}

function splitRow(line: string, lineNo: number): Row {
  if (line.indexOf('"') < 0) {
    const fields = line.split(";");
    for (let i = 0; i < fields.length; i++) fields[i] = (fields[i] ?? "").trim();
    return { fields, firstQuoted: false };
  }
  const fields: string[] = [];
  let firstQuoted = false;
  let i = 0;
  const len = line.length;
  for (;;) {
    let j = i;
    while (j < len && (line[j] === " " || line[j] === "\t")) j++;
    if (j < len && line[j] === '"') {
      if (fields.length === 0) firstQuoted = true;
      let value = "";
      let k = j + 1;
      for (;;) {
        const close = line.indexOf('"', k);
        if (close < 0) throw new PabulibError("syntax", lineNo, t("results.pabulib.column", { number: fields.length + 1 }), t("results.pabulib.unterminatedQuote"));
        value += line.slice(k, close);
        if (line[close + 1] === '"') {
          value += '"';
          k = close + 2;
          continue;
        }
        k = close + 1;
        break;
      }
      while (k < len && (line[k] === " " || line[k] === "\t")) k++;
      fields.push(value);
      if (k >= len) break;
      if (line[k] !== ";") {
        throw new PabulibError("syntax", lineNo, t("results.pabulib.column", { number: fields.length }), t("results.pabulib.textAfterQuote"));
      }
      i = k + 1;
    } else {
      const sep = line.indexOf(";", i);
      const end = sep < 0 ? len : sep;
      fields.push(line.slice(i, end).trim());
      if (sep < 0) break;
      i = sep + 1;
    }
  }
  return { fields, firstQuoted };
}

/** Everything after the first field's `;`, unless that part is itself quoted. */
function restOfLine(line: string): string | null {
  let i = 0;
  while (line[i] === " " || line[i] === "\t") i++;
  if (line[i] === '"') {
    i = line.indexOf('"', i + 1);
    while (i >= 0 && line[i + 1] === '"') i = line.indexOf('"', i + 2);
    if (i < 0) return null;
  }
  const sep = line.indexOf(";", i);
  if (sep < 0) return null;
  const rest = line.slice(sep + 1).trim();
  return rest.startsWith('"') ? null : rest;
}

type Section = "meta" | "projects" | "votes";
const SECTIONS: readonly Section[] = ["meta", "projects", "votes"];

export function parsePabulib(input: string): PabulibInstance {
  if (input.length > PABULIB_MAX_CHARS) {
    throw new PabulibError("too-large", 1, "file", t("results.pabulib.tooManyChars", { maximum: PABULIB_MAX_CHARS }));
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const meta: PabulibMetaEntry[] = [];
  const metaLine = new Map<string, number>();
  const projects: PabulibProject[] = [];
  const projectIndex = new Map<string, number>();
  const voters: PabulibVoter[] = [];
  const voterIds = new Set<string>();
  let projectColumns: string[] = [];
  let voterColumns: string[] = [];
  let section: Section | null = null;
  let expectHeader = false;
  const seenSections = new Map<Section, number>();
  let voteType: PabulibVoteType | null = null;
  let pointsColumn = -1;
  // Per project, the last voter (1-based) who listed it: finds a project listed twice in one vote.
  let seenStamp = new Int32Array(0);

  let lineNo = 0;
  let pos = 0;
  const len = text.length;
  while (pos < len || (pos === len && lineNo === 0)) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = len;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const line = text.slice(pos, end);
    pos = nl + 1;
    lineNo++;
    if (lineNo > PABULIB_MAX_LINES) throw new PabulibError("too-large", lineNo, "file", t("results.pabulib.tooManyLines", { maximum: PABULIB_MAX_LINES }));
    if (line.length > PABULIB_MAX_FIELD_CHARS * 4) {
      throw new PabulibError("too-large", lineNo, "line", t("results.pabulib.lineTooLong", { maximum: PABULIB_MAX_FIELD_CHARS * 4 }));
    }
    if (line.trim().length === 0) continue;
    const row = splitRow(line, lineNo);
    const fields = row.fields;
    if (fields.length > PABULIB_MAX_COLUMNS) {
      throw new PabulibError("too-large", lineNo, "line", t("results.pabulib.tooManyFieldsInLine", { maximum: PABULIB_MAX_COLUMNS }));
    }
    for (let i = 0; i < fields.length; i++) {
      if ((fields[i] ?? "").length > PABULIB_MAX_FIELD_CHARS) {
        throw new PabulibError("too-large", lineNo, t("results.pabulib.column", { number: i + 1 }), t("results.pabulib.fieldTooLong", { maximum: PABULIB_MAX_FIELD_CHARS }));
      }
    }

    const head = fields[0] ?? "";
    let marker = "";
    if (!row.firstQuoted && head.length >= 4 && head.length <= 8) {
      const lower = head.toLowerCase();
      if ((lower === "meta" || lower === "projects" || lower === "votes") && fields.every((f, i) => i === 0 || f === "")) {
        marker = lower;
      }
    }
    if (marker === "meta" || marker === "projects" || marker === "votes") {
      const next = marker;
      const expected = SECTIONS[seenSections.size];
      if (seenSections.has(next)) throw new PabulibError("section-order", lineNo, next.toUpperCase(), t("results.pabulib.sectionTwice"));
      if (next !== expected) {
        const missing = (expected ?? "").toUpperCase();
        throw new PabulibError("missing-section", lineNo, missing, t("results.pabulib.sectionMissingBefore", { missing, next: next.toUpperCase() }));
      }
      if (section === "meta") voteType = checkMeta(meta, metaLine, lineNo);
      seenSections.set(next, lineNo);
      section = next;
      expectHeader = true;
      continue;
    }
    if (section === null) {
      throw new PabulibError("missing-section", lineNo, "META", t("results.pabulib.startWithMeta"));
    }
    if (expectHeader) {
      expectHeader = false;
      const header = fields.map((f) => f.trim());
      const lower = header.map((f) => f.toLowerCase());
      if (new Set(header).size !== header.length) {
        throw new PabulibError("wrong-header", lineNo, section.toUpperCase(), t("results.pabulib.columnTwice"));
      }
      if (section === "meta") {
        if (header.length !== 2 || lower[0] !== "key" || lower[1] !== "value") {
          throw new PabulibError("wrong-header", lineNo, "META", t("results.pabulib.metaHeader"));
        }
      } else if (section === "projects") {
        if (lower[0] !== "project_id" || lower[1] !== "cost") {
          throw new PabulibError("wrong-header", lineNo, "PROJECTS", t("results.pabulib.projectsHeader"));
        }
        projectColumns = header;
      } else {
        if (lower[0] !== "voter_id" || lower[1] !== "vote") {
          throw new PabulibError("wrong-header", lineNo, "VOTES", t("results.pabulib.votesHeader"));
        }
        voterColumns = header;
        if (voteType === "cumulative" || voteType === "scoring") {
          pointsColumn = lower.indexOf("points");
          if (pointsColumn < 0) {
            throw new PabulibError("wrong-header", lineNo, "VOTES", t("results.pabulib.pointsColumn", { voteType }));
          }
        }
      }
      continue;
    }

    if (section === "meta") {
      const key = fields[0] ?? "";
      // Real files have unquoted `;` inside META values (descriptions): the value is the rest of the line.
      const value = fields.length <= 2 ? (fields[1] ?? "") : restOfLine(line) ?? fields.slice(1).join(";");
      if (key === "") throw new PabulibError("invalid-meta", lineNo, "key", t("results.pabulib.metaKeyEmpty"));
      if (metaLine.has(key)) throw new PabulibError("duplicate-meta", lineNo, key, t("results.pabulib.metaKeyTwice"));
      if (meta.length >= PABULIB_MAX_META_ENTRIES) {
        throw new PabulibError("too-large", lineNo, key, t("results.pabulib.tooManyMeta", { maximum: PABULIB_MAX_META_ENTRIES }));
      }
      metaLine.set(key, lineNo);
      meta.push({ key, value });
    } else if (section === "projects") {
      if (fields.length > projectColumns.length) {
        throw new PabulibError("too-many-fields", lineNo, "PROJECTS", t("results.pabulib.tooManyFields", { fields: fields.length, columns: projectColumns.length }));
      }
      const id = fields[0] ?? "";
      if (id === "") throw new PabulibError("invalid-value", lineNo, "project_id", t("results.pabulib.projectIdEmpty"));
      if (projectIndex.has(id)) throw new PabulibError("duplicate-project", lineNo, "project_id", t("results.pabulib.projectTwice", { id }));
      if (projects.length >= PABULIB_MAX_PROJECTS) {
        throw new PabulibError("too-large", lineNo, "project_id", t("results.pabulib.tooManyProjects", { maximum: PABULIB_MAX_PROJECTS }));
      }
      const costText = fields[1] ?? "";
      const cost = parseDecimal(costText);
      if (cost === null) {
        throw new PabulibError("invalid-number", lineNo, "cost", t("results.pabulib.costInvalid", { cost: costText, id }));
      }
      const extra: string[] = [];
      for (let i = 2; i < projectColumns.length; i++) extra.push(fields[i] ?? "");
      projectIndex.set(id, projects.length);
      projects.push({ id, cost, extra });
    } else {
      if (seenStamp.length < projects.length) seenStamp = new Int32Array(projects.length);
      if (fields.length > voterColumns.length) {
        throw new PabulibError("too-many-fields", lineNo, "VOTES", t("results.pabulib.tooManyFields", { fields: fields.length, columns: voterColumns.length }));
      }
      const id = fields[0] ?? "";
      if (id === "") throw new PabulibError("invalid-value", lineNo, "voter_id", t("results.pabulib.voterIdEmpty"));
      if (voterIds.has(id)) throw new PabulibError("duplicate-voter", lineNo, "voter_id", t("results.pabulib.voterTwice", { id }));
      if (voters.length >= PABULIB_MAX_VOTERS) {
        throw new PabulibError("too-large", lineNo, "voter_id", t("results.pabulib.tooManyVoters", { maximum: PABULIB_MAX_VOTERS }));
      }
      voterIds.add(id);
      const projectIds: string[] = [];
      const voteText = fields[1] ?? "";
      if (voteText !== "") {
        const stamp = voters.length + 1;
        for (const raw of voteText.split(",")) {
          const pid = raw.trim();
          if (pid === "") continue;
          const at = projectIndex.get(pid);
          if (at === undefined) {
            throw new PabulibError("unknown-project", lineNo, "vote", t("results.pabulib.unknownProject", { id, project: pid }));
          }
          if (seenStamp[at] === stamp) {
            throw new PabulibError("duplicate-in-vote", lineNo, "vote", t("results.pabulib.projectInVoteTwice", { id, project: pid }));
          }
          seenStamp[at] = stamp;
          projectIds.push(pid);
        }
      }
      let points: bigint[] | null = null;
      if (pointsColumn >= 0) {
        points = [];
        for (const raw of (fields[pointsColumn] ?? "").split(",")) {
          const point = raw.trim();
          if (point === "") continue;
          if (!INTEGER.test(point) || point.replace(/^[+-]/, "").length > PABULIB_MAX_NUMBER_DIGITS) {
            throw new PabulibError("invalid-number", lineNo, "points", t("results.pabulib.pointInvalid", { point }));
          }
          points.push(BigInt(point));
        }
        if (points.length !== projectIds.length) {
          throw new PabulibError(
            "points-mismatch",
            lineNo,
            "points",
            t("results.pabulib.pointsMismatch", { id, projects: projectIds.length, points: points.length }),
          );
        }
      }
      const extra: string[] = [];
      for (let i = 2; i < voterColumns.length; i++) if (i !== pointsColumn) extra.push(fields[i] ?? "");
      voters.push({ id, projectIds, points, extra });
    }
  }

  const endLine = lineNo + 1;
  for (const s of SECTIONS) {
    if (!seenSections.has(s)) throw new PabulibError("missing-section", endLine, s.toUpperCase(), t("results.pabulib.sectionMissing", { section: s.toUpperCase() }));
  }
  if (expectHeader) throw new PabulibError("wrong-header", endLine, "VOTES", t("results.pabulib.votesNoHeader"));
  const budgetText = meta.find((e) => e.key === "budget")?.value ?? "";
  const budget = parseDecimal(budgetText);
  if (budget === null || voteType === null) {
    // checkMeta ran when PROJECTS started, so this cannot happen; kept for the type checker.
    throw new PabulibError("invalid-meta", metaLine.get("budget") ?? 1, "budget", t("results.pabulib.budgetInvalid"));
  }
  return { meta, voteType, budget, projectColumns, projects, voterColumns, voters };
}

function checkMeta(meta: readonly PabulibMetaEntry[], metaLine: ReadonlyMap<string, number>, sectionEnd: number): PabulibVoteType {
  const get = (key: string): string | undefined => meta.find((e) => e.key === key)?.value;
  const budget = get("budget");
  if (budget === undefined) throw new PabulibError("missing-meta", sectionEnd, "budget", t("results.pabulib.metaNoBudget"));
  if (parseDecimal(budget) === null) {
    throw new PabulibError("invalid-number", metaLine.get("budget") ?? sectionEnd, "budget", t("results.pabulib.budgetNotNumber", { budget }));
  }
  const voteType = get("vote_type");
  if (voteType === undefined) throw new PabulibError("missing-meta", sectionEnd, "vote_type", t("results.pabulib.metaNoVoteType"));
  const vt = VOTE_TYPES.find((v) => v === voteType);
  if (vt === undefined) {
    throw new PabulibError(
      "invalid-meta",
      metaLine.get("vote_type") ?? sectionEnd,
      "vote_type",
      t("results.pabulib.voteTypeInvalid", { voteType, voteTypes: VOTE_TYPES.join(", ") }),
    );
  }
  return vt;
}

function quote(value: string, first: boolean): string {
  if (value.includes("\n") || value.includes("\r")) {
    throw new RangeError(`a .pb field cannot contain a line break: ${JSON.stringify(value.slice(0, 40))}`);
  }
  const needs =
    value.includes(";") ||
    value.includes('"') ||
    value !== value.trim() ||
    (first && SECTIONS.some((s) => s === value.toLowerCase()));
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

function joinRow(values: readonly string[]): string {
  return values.map((v, i) => quote(v, i === 0)).join(";");
}

/**
 * Writes the instance as a .pb file (LF line ends), so that parsePabulib
 * returns an equal instance. Fields are read line by line, so a value with a
 * line break cannot be written (RangeError).
 */
export function serialisePabulib(instance: PabulibInstance): string {
  const lines: string[] = ["META", "key;value"]; // i18n-exempt: Pabulib section marker and META header
  for (const e of instance.meta) lines.push(joinRow([e.key, e.value]));
  lines.push("PROJECTS", joinRow(instance.projectColumns));
  for (const p of instance.projects) lines.push(joinRow([p.id, formatDecimal(p.cost), ...p.extra]));
  lines.push("VOTES", joinRow(instance.voterColumns));
  const lower = instance.voterColumns.map((c) => c.toLowerCase());
  const pointsColumn =
    instance.voteType === "cumulative" || instance.voteType === "scoring" ? lower.indexOf("points") : -1;
  for (const v of instance.voters) {
    const values: string[] = [v.id, v.projectIds.join(",")];
    let k = 0;
    for (let i = 2; i < instance.voterColumns.length; i++) {
      if (i === pointsColumn) values.push((v.points ?? []).map((x) => x.toString()).join(","));
      else values.push(v.extra[k++] ?? "");
    }
    lines.push(joinRow(values));
  }
  return `${lines.join("\n")}\n`;
}

export interface PabulibCounting {
  readonly instance: CountingInstance;
  /** Money in the counting instance is in units of 10^-decimals of the file's currency. */
  readonly decimals: number;
  /** One currency unit in counting units (10^decimals). */
  readonly unit: bigint;
}

/**
 * The counting input for a parsed file. Costs and budget are brought to one
 * integer scale (the most decimals any of them uses) so nothing is rounded.
 * Points are passed for cumulative and scoring ballots only.
 */
export function pabulibToCounting(pb: PabulibInstance): PabulibCounting {
  let decimals = pb.budget.scale;
  for (const p of pb.projects) decimals = Math.max(decimals, p.cost.scale);
  const unit = 10n ** BigInt(decimals);
  const scaleTo = (d: PabulibDecimal): bigint => d.units * 10n ** BigInt(decimals - d.scale);
  const ballots: CountingBallot[] = pb.voters.map((v) =>
    v.points === null ? { projectIds: v.projectIds } : { projectIds: v.projectIds, points: v.points },
  );
  return {
    instance: {
      budget: scaleTo(pb.budget),
      projects: pb.projects.map((p) => ({ id: p.id, cost: scaleTo(p.cost) })),
      ballots,
    },
    decimals,
    unit,
  };
}

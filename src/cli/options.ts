/** Command-line values to engine settings; anything unknown is a UsageError (exit 2, one line). */
import { isProfileId, parseQualified, PROFILE_IDS, type ProfileId, qualified, RULE_IDS, type RuleSettings, type SeveritySetting } from "../core";
import { UsageError } from "./errors";

const LEVELS: readonly SeveritySetting[] = ["off", "info", "warning", "error"];

export function parseProfile(value: string | undefined): ProfileId {
  const id = value ?? "default";
  if (!isProfileId(id)) throw new UsageError(`未知的评分方案“${id}”，可选：${PROFILE_IDS.join("、")}`);
  return id;
}

function unknownRule(id: string): UsageError {
  return new UsageError(`未知的规则“${id}”，可选：${RULE_IDS.join("、")}`);
}

/** `--rule id=level`, repeatable and comma-separable. */
export function parseRules(items: readonly string[]): RuleSettings {
  const out: Record<string, SeveritySetting> = {};
  for (const item of items.flatMap((s) => s.split(",")).filter((s) => s.trim() !== "")) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(item);
    if (!m) throw new UsageError(`--rule 的格式应为 规则=off|info|warning|error，收到“${item}”`);
    const [, id, level] = m;
    if (!RULE_IDS.includes(id)) throw unknownRule(id);
    if (!LEVELS.includes(level as SeveritySetting)) throw new UsageError(`规则 ${id} 的级别“${level}”无效，可选：${LEVELS.join("、")}`);
    out[id] = level as SeveritySetting;
  }
  return out;
}

export interface Overwrite {
  rules: Set<string>;
  /** `Sheet!A1`, sheet unquoted (the core's form). */
  cells: Set<string>;
}

/** `--overwrite`: a rule id (the cells its findings name) or a cell `Sheet!A1` / `'My sheet'!A1`. */
export function parseOverwrite(items: readonly string[]): Overwrite {
  const out: Overwrite = { rules: new Set(), cells: new Set() };
  for (const item of items.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean)) {
    if (RULE_IDS.includes(item)) {
      out.rules.add(item);
      continue;
    }
    const ref = item.includes("!") ? parseQualified(item) : null;
    if (ref) out.cells.add(qualified(ref));
    else if (/^[a-z][a-z0-9-]*$/.test(item)) throw unknownRule(item);
    else throw new UsageError(`--overwrite 需要规则编号或单元格（如 表1!G6），收到“${item}”`);
  }
  return out;
}

export function parseMaxSize(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--max-size 应为正数（单位 MB），收到“${value}”`);
  return n;
}

/**
 * The JX functions' Chinese display names, by id: one table read by the zh-CN metadata generator
 * (scripts/functions-zh-CN.js, which writes dist/functions-zh-CN.json from dist/functions.json) and by `freeze`,
 * which recognises a call under either name. Ids never change (workbooks store them); names may.
 */
import table from "./names-zh-CN.json";

export const ZH_CN_NAMES: Readonly<Record<string, string>> = table;

const BY_NAME = new Map(Object.entries(table).map(([id, name]) => [name, id]));

/** The id a written function name stands for (`EXECRATE`, `execrate`, `执行率`), or null. */
export function functionId(name: string): string | null {
  const upper = name.toUpperCase();
  if (Object.prototype.hasOwnProperty.call(table, upper)) return upper;
  return BY_NAME.get(name) ?? null;
}

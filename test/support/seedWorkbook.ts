/**
 * Lays out the seed forms (test/fixtures/seed-forms.json) as real ExcelJS workbooks, in the variants real
 * workbooks come in, and records where every interesting cell went (`Sheet!A1`).
 */
import ExcelJS from "exceljs";
import { a1, rangeA1 } from "../../src/core/grid/address";
import { SEED_FORMS } from "./seed";

/** A stated figure: a number, a string as typed (`"98.24%"`, `"-"`), or null. `""` leaves the cell empty. */
export type Figure = number | string | null;
/** [label, 年初预算数, 全年预算数, 全年执行数, 分数/分值, 执行率, 得分]; null prints `-`. */
export type FundingRow = [string, Figure, Figure, Figure, Figure, Figure, Figure];
/** [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析]. */
export type IndicatorRow = [string, string, string, string, string, Figure, Figure, string];

export interface SeedForm {
  year: number;
  project: string;
  department: string;
  unit: string;
  funding: FundingRow[];
  goalExpected: string;
  goalActual: string;
  indicators: IndicatorRow[];
  total: Figure;
  grade: string | null;
}

export interface SeedWorkbookOptions {
  /** Which forms, in order: seed indices (0-based) or whole forms. Default: all five seed forms. */
  forms?: Array<number | SeedForm>;
  layout?: "shanghai" | "ministry";
  /** 0-based top-left of the (first) form. Default {row: 0, col: 0}. */
  origin?: { row: number; col: number };
  /** All forms on one sheet with 2 blank rows between (sheet `sheetName`), else one per sheet `表1`…. */
  stacked?: boolean;
  sheetName?: string;
  rateAs?: "number" | "percentString" | "fraction";
  amountUnit?: "万元" | "元";
  fullWidth?: boolean;
  asciiOps?: boolean;
  blankComputed?: boolean;
  /** Error injection on a deep copy of each form; may return a new form or edit in place. */
  mutate?: (form: SeedForm, formIndex: number) => SeedForm | void;
  /** Adds an unrelated styled sheet `其他数据` after the forms. */
  extraSheet?: boolean;
}

export interface FundingCells {
  label: string;
  initialCell: string;
  budgetCell: string;
  spentCell: string;
  weightCell: string;
  rateCell: string;
  scoreCell: string;
}

export interface IndicatorCells {
  level1Cell: string;
  level2Cell: string;
  nameCell: string;
  targetCell: string;
  actualCell: string;
  weightCell: string;
  scoreCell: string;
  noteCell: string;
}

export interface FormCells {
  sheet: string;
  /** Position in `options.forms` (with the default, the seed index). */
  formIndex: number;
  project: string;
  /** The form's block, `Sheet!A1:H26`. */
  range: string;
  titleCell: string;
  /** 年度资金总额's 执行率 and 得分. */
  rateCell: string;
  fundingScoreCell: string;
  funding: FundingCells[];
  totalWeightCell: string;
  totalCell: string;
  gradeCell: string;
  indicators: IndicatorCells[];
}

export interface SeedWorkbook {
  workbook: ExcelJS.Workbook;
  cells: FormCells[];
}

/** Deep copies of the five seed forms. */
export function seedForms(): SeedForm[] {
  return structuredClone(SEED_FORMS as readonly SeedForm[]) as SeedForm[];
}

/** `Sheet!A1` from 0-based coordinates. */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${sheet}!${a1(row, col)}`;
}

/** Splits `Sheet!A1` into sheet and 0-based coordinates (sheet names here never contain `!`). */
/** The ExcelJS cell at `Sheet!A1`. */
export function cellOf(wb: ExcelJS.Workbook, ref: string): ExcelJS.Cell {
  const { sheet, row, col } = parseCellRef(ref);
  return wb.getWorksheet(sheet)!.getCell(row + 1, col + 1);
}

export function parseCellRef(ref: string): { sheet: string; row: number; col: number } {
  const [sheet, addr] = ref.split("!");
  const m = /^([A-Z]+)(\d+)$/.exec(addr);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet, row: Number(m[2]) - 1, col };
}

type Opts = Required<Omit<SeedWorkbookOptions, "forms" | "mutate">>;

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));
const NUM = "0.00";
const rateFmt = { number: NUM, percentString: undefined, fraction: "0.00%" } as const;

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

interface PutStyle {
  fmt?: string;
  bold?: boolean;
  size?: number;
  align?: "left" | "center" | "right";
}

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue, s: PutStyle = {}): void {
  const cell = ws.getCell(row + 1, col + 1);
  if (value !== null && value !== "") cell.value = value;
  // Fresh objects per cell: ExcelJS styles are mutable and a shared one would leak edits to neighbours.
  cell.style = {
    font: { name: "宋体", size: s.size ?? 10, bold: s.bold ?? false },
    alignment: { vertical: "middle", horizontal: s.align ?? "center", wrapText: true },
    border: { ...border },
    ...(s.fmt ? { numFmt: s.fmt } : {}),
  };
}

function merge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (bottom > top || right > left) ws.mergeCells(top + 1, left + 1, bottom + 1, right + 1);
}

/** Rewrites a target/actual as the options ask: `>=`, `＞＝90.00（％）` …. */
function styleTarget(text: string, o: Opts): string {
  let s = text;
  if (o.asciiOps) s = s.replace(/≥/g, ">=").replace(/≤/g, "<=");
  if (o.fullWidth) {
    if (!o.asciiOps) {
      const ops: Record<string, string> = { "≥": "＞＝", "≤": "＜＝", ">=": "＞＝", "<=": "＜＝", ">": "＞", "<": "＜", "=": "＝" };
      s = s.replace(/^(≥|≤|>=|<=|>|<|=)/, (m) => ops[m]);
    }
    s = s.replace(/\(/g, "（").replace(/\)/g, "）").replace(/%/g, "％");
  }
  return s;
}

function label(text: string, o: Opts): string {
  return o.fullWidth && !text.includes("：") ? text + "：" : text;
}

/** Scales with float noise removed (543.69 × 10000 → 5436900, 98.24 / 100 → 0.9824). */
function scale(n: number, k: number): number {
  return Number((n * k).toPrecision(12));
}

function putAmount(ws: ExcelJS.Worksheet, r: number, c: number, v: Figure, o: Opts): void {
  if (typeof v === "number") put(ws, r, c, o.amountUnit === "元" ? scale(v, 10000) : v, { fmt: NUM, align: "right" });
  else put(ws, r, c, v ?? "-");
}

function putRate(ws: ExcelJS.Worksheet, r: number, c: number, v: Figure, o: Opts): void {
  if (typeof v !== "number") return put(ws, r, c, v ?? "-");
  if (o.rateAs === "fraction") put(ws, r, c, scale(v, 0.01), { fmt: "0.00%", align: "right" });
  else if (o.rateAs === "percentString") put(ws, r, c, v.toFixed(2) + "%", { align: "right" });
  else put(ws, r, c, v, { fmt: NUM, align: "right" });
}

function putNumber(ws: ExcelJS.Worksheet, r: number, c: number, v: Figure, dash = false): void {
  if (typeof v === "number") put(ws, r, c, v, { fmt: NUM, align: "right" });
  else put(ws, r, c, v ?? (dash ? "-" : null));
}

/** Lays out one form with its top-left at (r0, c0); returns its cells and its last row. */
function layoutForm(ws: ExcelJS.Worksheet, f: SeedForm, r0: number, c0: number, o: Opts, formIndex: number) {
  const ministry = o.layout === "ministry";
  const k = ministry ? 1 : 0; // indicator and funding columns shift right by one in the ministry layout
  const last = c0 + 7 + k;
  const at = (r: number, c: number) => cellRef(ws.name, r, c);
  const blank = o.blankComputed;

  put(ws, r0, c0, ministry ? "项目支出绩效自评表" : "财政项目支出绩效自评表", { bold: true, size: 16 });
  ws.getRow(r0 + 1).height = 28;
  merge(ws, r0, c0, r0, last);
  put(ws, r0 + 1, c0, `（${f.year}年度）`);
  merge(ws, r0 + 1, c0, r0 + 1, last);

  put(ws, r0 + 2, c0, label("项目名称", o));
  put(ws, r0 + 2, c0 + 1, f.project, { align: "left" });
  merge(ws, r0 + 2, c0 + 1, r0 + 2, last);
  put(ws, r0 + 3, c0, label("主管部门", o));
  put(ws, r0 + 3, c0 + 1, f.department, { align: "left" });
  merge(ws, r0 + 3, c0 + 1, r0 + 3, c0 + 3 + k);
  put(ws, r0 + 3, c0 + 4 + k, label("实施单位", o));
  put(ws, r0 + 3, c0 + 5 + k, f.unit, { align: "left" });
  merge(ws, r0 + 3, c0 + 5 + k, r0 + 3, last);

  // Funding: label column (two wide in the ministry layout), then six figures.
  const fr = r0 + 4;
  const unit = o.amountUnit === "元" ? "（元）" : "（万元）";
  put(ws, fr, c0, ministry ? `项目资金${unit}` : `项目资金\n${unit}`);
  merge(ws, fr, c0, fr + f.funding.length, c0);
  put(ws, fr, c0 + 1, null);
  merge(ws, fr, c0 + 1, fr, c0 + 1 + k);
  const heads = ["年初预算数", "全年预算数", "全年执行数", ministry ? "分值" : "分数", ministry ? "执行率" : "执行率(%)", "得分"];
  heads.forEach((h, i) => put(ws, fr, c0 + 2 + k + i, h, { bold: true }));
  const funding: FundingCells[] = f.funding.map((row, i) => {
    const r = fr + 1 + i;
    const name = i === 0 && row[0] === "年度资金总额" ? "年度资金总额：" : row[0];
    put(ws, r, c0 + 1, label(name, o), { align: "left" });
    merge(ws, r, c0 + 1, r, c0 + 1 + k);
    const c = c0 + 2 + k;
    putAmount(ws, r, c, row[1], o);
    putAmount(ws, r, c + 1, row[2], o);
    putAmount(ws, r, c + 2, row[3], o);
    putNumber(ws, r, c + 3, row[4], true);
    // Blanked cells keep the number format a real template would have.
    if (blank) put(ws, r, c + 4, null, { fmt: rateFmt[o.rateAs], align: "right" });
    else putRate(ws, r, c + 4, row[5], o);
    if (blank) put(ws, r, c + 5, null, { fmt: NUM, align: "right" });
    else putNumber(ws, r, c + 5, row[6], true);
    return {
      label: row[0],
      initialCell: at(r, c),
      budgetCell: at(r, c + 1),
      spentCell: at(r, c + 2),
      weightCell: at(r, c + 3),
      rateCell: at(r, c + 4),
      scoreCell: at(r, c + 5),
    };
  });

  // Goals: two rows, 预期目标 on the left half, 实际完成情况 on the right.
  const gr = fr + f.funding.length + 1;
  const mid = c0 + 4 + k;
  put(ws, gr, c0, ministry ? "年度总体目标" : "年度\n总体\n目标");
  merge(ws, gr, c0, gr + 1, c0);
  put(ws, gr, c0 + 1, "预期目标", { bold: true });
  merge(ws, gr, c0 + 1, gr, mid);
  put(ws, gr, mid + 1, "实际完成情况", { bold: true });
  merge(ws, gr, mid + 1, gr, last);
  put(ws, gr + 1, c0 + 1, f.goalExpected, { align: "left" });
  merge(ws, gr + 1, c0 + 1, gr + 1, mid);
  put(ws, gr + 1, mid + 1, f.goalActual, { align: "left" });
  merge(ws, gr + 1, mid + 1, gr + 1, last);
  // Excel does not auto-fit wrapped text on open; give the long goal texts room.
  const longest = Math.max(f.goalExpected?.length ?? 0, f.goalActual?.length ?? 0);
  ws.getRow(gr + 2).height = Math.min(400, Math.max(30, 14 * Math.ceil(longest / 36)));

  // Indicators.
  const hr = gr + 2;
  const ic = c0 + k;
  const iheads = ministry
    ? ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    : ["一级\n指标", "二级\n指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析\n及改进措施"];
  iheads.forEach((h, i) => put(ws, hr, ic + i, h, { bold: true }));
  const n = f.indicators.length;
  if (ministry) {
    put(ws, hr, c0, "绩效指标", { bold: true });
    merge(ws, hr, c0, hr + n, c0);
  }
  const indicators: IndicatorCells[] = f.indicators.map((ind, i) => {
    const r = hr + 1 + i;
    const prev = f.indicators[i - 1];
    const l1Top = !prev || prev[0] !== ind[0] || ind[0] === "";
    const l2Top = l1Top || prev[1] !== ind[1] || ind[1] === "";
    put(ws, r, ic, l1Top ? ind[0] : null);
    put(ws, r, ic + 1, l2Top ? ind[1] : null);
    put(ws, r, ic + 2, ind[2], { align: "left" });
    put(ws, r, ic + 3, styleTarget(ind[3], o));
    put(ws, r, ic + 4, styleTarget(ind[4], o));
    putNumber(ws, r, ic + 5, ind[5]);
    if (blank) put(ws, r, ic + 6, null, { fmt: NUM, align: "right" });
    else putNumber(ws, r, ic + 6, ind[6]);
    put(ws, r, ic + 7, blank ? null : ind[7], { align: "left" });
    return {
      level1Cell: at(r, ic),
      level2Cell: at(r, ic + 1),
      nameCell: at(r, ic + 2),
      targetCell: at(r, ic + 3),
      actualCell: at(r, ic + 4),
      weightCell: at(r, ic + 5),
      scoreCell: at(r, ic + 6),
      noteCell: at(r, ic + 7),
    };
  });
  // Level-1 / level-2 runs merged vertically, the text only in the top cell as Excel keeps it.
  for (const level of [0, 1]) {
    let start = 0;
    for (let i = 1; i <= n; i++) {
      const a = f.indicators[start];
      const b = f.indicators[i];
      const same = b && a[level] !== "" && a[level] === b[level] && (level === 0 || a[0] === b[0]);
      if (same) continue;
      merge(ws, hr + 1 + start, ic + level, hr + i, ic + level);
      start = i;
    }
  }

  const tr = hr + 1 + n;
  put(ws, tr, c0, label("总分", o), { bold: true });
  merge(ws, tr, c0, tr, c0 + 4 + k);
  putNumber(ws, tr, c0 + 5 + k, 100);
  if (blank) put(ws, tr, c0 + 6 + k, null, { fmt: NUM, align: "right" });
  else putNumber(ws, tr, c0 + 6 + k, f.total);
  put(ws, tr, c0 + 7 + k, null);
  put(ws, tr + 1, c0, label("评分等级", o), { bold: true });
  merge(ws, tr + 1, c0, tr + 1, c0 + 4 + k);
  put(ws, tr + 1, c0 + 5 + k, blank ? null : f.grade);
  merge(ws, tr + 1, c0 + 5 + k, tr + 1, last);

  const cells: FormCells = {
    sheet: ws.name,
    formIndex,
    project: f.project,
    range: `${ws.name}!${rangeA1(r0, c0, tr + 1, last)}`,
    titleCell: at(r0, c0),
    rateCell: funding[0]?.rateCell ?? "",
    fundingScoreCell: funding[0]?.scoreCell ?? "",
    funding,
    totalWeightCell: at(tr, c0 + 5 + k),
    totalCell: at(tr, c0 + 6 + k),
    gradeCell: at(tr + 1, c0 + 5 + k),
    indicators,
  };
  return { cells, bottom: tr + 1 };
}

function setWidths(ws: ExcelJS.Worksheet, c0: number, ministry: boolean): void {
  const widths = ministry ? [10, 10, 12, 28, 16, 16, 9, 9, 22] : [10, 14, 28, 16, 16, 9, 9, 22];
  widths.forEach((w, i) => (ws.getColumn(c0 + i + 1).width = w));
}

function addExtraSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("其他数据");
  ws.columns = [
    { header: "科目", key: "name", width: 24 },
    { header: "金额", key: "amount", width: 14, style: { numFmt: "#,##0.00" } },
    { header: "日期", key: "date", width: 14, style: { numFmt: "yyyy-mm-dd" } },
  ];
  ws.getRow(1).font = { bold: true, color: { argb: "FFFFFFFF" } };
  ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF4472C4" } };
  ws.addRow({ name: "办公费", amount: 1234.5, date: new Date(Date.UTC(2024, 2, 1)) });
  ws.addRow({ name: "差旅费", amount: 880, date: new Date(Date.UTC(2024, 5, 30)) });
  ws.addRow({ name: "合计", amount: { formula: "SUM(B2:B3)", result: 2114.5 } });
  ws.getCell("A4").font = { italic: true };
}

/** Builds a workbook of seed forms in the requested variant. */
export function buildSeedWorkbook(options: SeedWorkbookOptions = {}): SeedWorkbook {
  const o: Opts = {
    layout: options.layout ?? "shanghai",
    origin: options.origin ?? { row: 0, col: 0 },
    stacked: options.stacked ?? false,
    sheetName: options.sheetName ?? "自评表",
    rateAs: options.rateAs ?? "number",
    amountUnit: options.amountUnit ?? "万元",
    fullWidth: options.fullWidth ?? false,
    asciiOps: options.asciiOps ?? false,
    blankComputed: options.blankComputed ?? false,
    extraSheet: options.extraSheet ?? false,
  };
  const seed = seedForms();
  const forms = (options.forms ?? seed.map((_, i) => i)).map((f, i) => {
    // A copy per position: the same seed index may appear twice, each mutated on its own.
    const form = structuredClone(typeof f === "number" ? seed[f] : f);
    if (!form) throw new Error(`no seed form ${f}`);
    return options.mutate ? (options.mutate(form, i) ?? form) : form;
  });

  const wb = new ExcelJS.Workbook();
  wb.creator = "selfeval fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const cells: FormCells[] = [];
  const { row, col } = o.origin;
  if (o.stacked) {
    const ws = wb.addWorksheet(o.sheetName);
    setWidths(ws, col, o.layout === "ministry");
    let r = row;
    forms.forEach((f, i) => {
      const out = layoutForm(ws, f, r, col, o, i);
      cells.push(out.cells);
      r = out.bottom + 3;
    });
  } else {
    forms.forEach((f, i) => {
      const ws = wb.addWorksheet(`表${i + 1}`);
      setWidths(ws, col, o.layout === "ministry");
      cells.push(layoutForm(ws, f, row, col, o, i).cells);
    });
  }
  if (o.extraSheet) addExtraSheet(wb);
  return { workbook: wb, cells };
}

/** Writes and re-reads a workbook, as a file on disk would be. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

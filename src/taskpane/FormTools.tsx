/**
 * The issue-11 tools: 新建自评表 from a template, and 转为普通公式 / 转为数值 so that a workbook opens correctly where the
 * add-in is not installed, with the list of each cell rewritten and what it became.
 */
import { Button, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { TemplateId } from "../core/template";
import type { FreezeMode, FrozenView } from "./freezePlan";
import { TEMPLATE_CHOICES } from "./templates";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    gap: "6px",
    alignItems: "flex-end",
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    marginTop: "6px",
  },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  td: {
    padding: "2px 4px",
    verticalAlign: "top",
    wordBreak: "break-all",
    fontFamily: tokens.fontFamilyMonospace,
  },
  // A cell address is read at a glance: never wrapped.
  cell: { whiteSpace: "nowrap", fontFamily: tokens.fontFamilyBase },
  reason: {
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
  },
});

/** The list is capped on screen; the status line gives the full count. */
const LISTED = 200;

export interface FormToolsProps {
  disabled: boolean;
  /** 公式化 needs a check first: it works on the forms found. */
  canLive: boolean;
  onLive(): void;
  onCreate(id: TemplateId): void;
  onFreeze(mode: FreezeMode): void;
}

export function FormTools({ disabled, canLive, onLive, onCreate, onFreeze }: FormToolsProps) {
  const styles = useStyles();
  const [template, setTemplate] = useState<TemplateId>("mof2020");
  return (
    <section aria-label="自评表工具">
      <div className={styles.row}>
        <Field label="模板">
          <Select value={template} onChange={(_, d) => setTemplate(d.value as TemplateId)} disabled={disabled}>
            {TEMPLATE_CHOICES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => onCreate(template)} disabled={disabled}>
          新建自评表
        </Button>
      </div>
      <div className={styles.row} style={{ marginTop: "6px" }}>
        <Button onClick={() => onFreeze("formulas")} disabled={disabled} title="把调用 JX 函数的公式改写为 Excel 内置公式（无对应公式的保留当前值）">
          转为普通公式
        </Button>
        <Button onClick={() => onFreeze("values")} disabled={disabled} title="把调用 JX 函数的公式替换为当前值">
          转为数值
        </Button>
        <Button onClick={onLive} disabled={disabled || !canLive} title="把校验过的自评表中填为数值的计算单元格改为公式（逐个勾选同意）">
          公式化
        </Button>
      </div>
    </section>
  );
}

/** The cells the last 转为普通公式 / 转为数值 rewrote and what each became (shown under the status line). */
export function FrozenList({ frozen }: { frozen: readonly FrozenView[] | null }) {
  const styles = useStyles();
  if (!frozen || frozen.length === 0) return null;
  return (
    <div>
      <table className={styles.table} aria-label="已转换的单元格">
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              单元格
            </th>
            <th scope="col" className={styles.th}>
              原公式
            </th>
            <th scope="col" className={styles.th}>
              转换为
            </th>
          </tr>
        </thead>
        <tbody>
          {frozen.slice(0, LISTED).map((f) => (
            <tr key={f.cell} data-cell={f.cell}>
              <td className={`${styles.td} ${styles.cell}`}>{f.cell}</td>
              <td className={styles.td}>{f.before}</td>
              <td className={styles.td}>
                {f.after}
                {f.reason && <span className={styles.reason}>{`（${f.reason}）`}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {frozen.length > LISTED && <p>{`另有 ${frozen.length - LISTED} 个单元格未列出。`}</p>}
    </div>
  );
}

/**
 * One form: project, the four figures stated vs computed (differences marked), the level-1 chart, the findings.
 * The card and the severity badges are plain styled elements, not Fluent's Card and Badge: they do the same job here
 * for a fraction of the bundle (the task pane shares a page, and its load time, with the custom functions).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Findings } from "./Findings";
import { fmt2 } from "../core";
import type { FormView } from "./model";
import { ScoreChart } from "./ScoreChart";

const useStyles = makeStyles({
  card: {
    padding: "10px 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  badge: {
    display: "inline-block",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid transparent`,
  },
  // Tinted: a light background with the palette's text colour, which keeps 4.5:1 contrast (axe color-contrast).
  danger: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, border: `1px solid ${tokens.colorPaletteRedBorder1}` },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder1}`,
  },
  informative: { color: tokens.colorNeutralForeground2, border: `1px solid ${tokens.colorNeutralStroke1}` },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, border: `1px solid ${tokens.colorPaletteGreenBorder1}` },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: "2px 0 6px 0" },
  badges: { display: "flex", columnGap: "4px", flexWrap: "wrap" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase300, margin: "6px 0" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, padding: "2px 4px" },
  td: { textAlign: "right", padding: "2px 4px", fontVariantNumeric: "tabular-nums" },
  diff: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  sub: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "8px 0 2px 0" },
});

export interface FormCardProps {
  form: FormView;
  /** Heading level of the card's title (2 on its own, 3 under a sheet heading); its sections go one level below. */
  level?: 2 | 3;
  consent: ReadonlySet<string>;
  onSelect(cell: string | null): void;
  onConsent(cell: string, on: boolean): void;
}

interface Row {
  label: string;
  stated: string;
  computed: string;
  differs: boolean;
}

function rows(form: FormView): Row[] {
  const { stated, computed } = form.summary;
  const num = (label: string, a: number | null, b: number | null, suffix = ""): Row => ({
    label,
    stated: a === null ? "—" : fmt2(a) + suffix,
    computed: b === null ? "—" : fmt2(b) + suffix,
    differs: a !== null && b !== null && Math.abs(a - b) > 0.0001,
  });
  return [
    num("执行率", stated.rate, computed.rate, "%"),
    num("执行率得分", stated.fundingScore, computed.fundingScore),
    num("总分", stated.total, computed.total),
    {
      label: "评分等级",
      stated: stated.grade ?? "—",
      computed: computed.grade ?? "—",
      differs: stated.grade !== null && computed.grade !== null && stated.grade !== computed.grade,
    },
  ];
}

export function FormCard({ form, consent, onSelect, onConsent, level = 2 }: FormCardProps) {
  const styles = useStyles();
  const Title = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  const s = form.summary;
  const id = `form-${form.key.replace(/[^\w-]/g, "_")}`;
  const title = s.project ?? "（未填写项目名称）";
  return (
    // Named by project and place: two cards of the same project (a workbook of copies) stay distinct landmarks.
    <section className={styles.card} aria-labelledby={`${id}-title ${id}-where`} data-form={`${s.sheet}!${s.range}`}>
      <Title id={`${id}-title`} className={styles.title}>
        {title}
      </Title>
      <p id={`${id}-where`} className={styles.where}>{`${s.sheet}!${s.range}${s.year ? ` · ${s.year} 年度` : ""}`}</p>
      <div className={styles.badges}>
        {form.counts.error > 0 && <span className={`${styles.badge} ${styles.danger}`}>{`错误 ${form.counts.error}`}</span>}
        {form.counts.warning > 0 && <span className={`${styles.badge} ${styles.warning}`}>{`警告 ${form.counts.warning}`}</span>}
        {form.counts.info > 0 && <span className={`${styles.badge} ${styles.informative}`}>{`提示 ${form.counts.info}`}</span>}
        {form.findings.length === 0 && <span className={`${styles.badge} ${styles.success}`}>通过</span>}
      </div>
      <table className={styles.table}>
        <caption className={styles.hidden}>{`${title}：表内填写与计算结果`}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              项目
            </th>
            <th scope="col" className={styles.th} style={{ textAlign: "right" }}>
              表内填写
            </th>
            <th scope="col" className={styles.th} style={{ textAlign: "right" }}>
              计算结果
            </th>
          </tr>
        </thead>
        <tbody>
          {rows(form).map((r) => (
            <tr key={r.label} data-figure={r.label} data-differs={r.differs ? "true" : "false"}>
              <th scope="row" className={styles.th}>
                {r.label}
              </th>
              <td className={styles.td}>{r.stated}</td>
              <td className={`${styles.td} ${r.differs ? styles.diff : ""}`}>
                {r.differs ? <span aria-label={`${r.computed}，与表内不一致`}>{`≠ ${r.computed}`}</span> : r.computed}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Sub className={styles.sub}>一级指标得分 / 分值</Sub>
      <ScoreChart bars={form.level1} title={`${title} 一级指标得分与分值`} />
      <Sub className={styles.sub}>问题</Sub>
      <Findings findings={form.findings} consent={consent} onSelect={onSelect} onConsent={onConsent} idPrefix={id} level={level === 2 ? 4 : 5} />
    </section>
  );
}

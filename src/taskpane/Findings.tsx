/**
 * A form's findings grouped by severity. Each finding is an <li data-rule data-cell> holding a button that selects
 * its cell and, when the finding proposes a value for a non-empty cell, the checkbox that consents to overwrite it.
 * The button's name is its visible message (a spoken name that differs from the visible text fails voice control:
 * "click <what I see>"); severity, rule and cell are its description.
 */
import { Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { type FindingView, SEVERITY_LABEL, SEVERITY_ORDER } from "./model";

const useStyles = makeStyles({
  group: { margin: "6px 0 0 0" },
  heading: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: "4px 0" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "4px" },
  item: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: "6px",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  button: {
    display: "block",
    width: "100%",
    textAlign: "left",
    background: "none",
    border: "none",
    padding: "2px 0",
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  meta: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

export interface FindingsProps {
  findings: FindingView[];
  consent: ReadonlySet<string>;
  onSelect(cell: string | null): void;
  onConsent(cell: string, on: boolean): void;
  /** Prefix for heading ids (unique per form). */
  idPrefix: string;
  /** Heading level of the severity groups: one below the "问题" heading they sit under. */
  level?: 4 | 5;
}

export function Findings({ findings, consent, onSelect, onConsent, idPrefix, level = 4 }: FindingsProps) {
  const styles = useStyles();
  const Heading = level === 4 ? "h4" : "h5";
  if (findings.length === 0) return <p>未发现问题。</p>;
  return (
    <div>
      {SEVERITY_ORDER.map((severity) => {
        const items = findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        const headingId = `${idPrefix}-${severity}`;
        return (
          // A group, not a section: "警告（2）" recurs in every card, and landmarks must have distinct names.
          <div key={severity} role="group" className={styles.group} aria-labelledby={headingId} data-severity-group={severity}>
            <Heading id={headingId} className={styles.heading}>
              {`${SEVERITY_LABEL[severity]}（${items.length}）`}
            </Heading>
            <ul className={styles.list}>
              {items.map((f, i) => (
                <li
                  key={f.key}
                  className={`${styles.item} ${styles[severity]}`}
                  data-rule={f.rule}
                  data-cell={f.cell ?? ""}
                  data-severity={f.severity}
                >
                  <button
                    type="button"
                    className={styles.button}
                    onClick={() => onSelect(f.cell)}
                    disabled={!f.cell}
                    aria-describedby={`${headingId}-${i}`}
                  >
                    {f.message}
                    {/* Shown, but spoken once, through the description below rather than in the name. */}
                    <span className={styles.meta} aria-hidden="true">{`${f.rule} · ${f.cell ?? "（无单元格）"}`}</span>
                  </button>
                  <span id={`${headingId}-${i}`} className={styles.hidden}>
                    {`${SEVERITY_LABEL[severity]}，规则 ${f.rule}${f.cell ? `，单元格 ${f.cell}，按 Enter 选中` : ""}`}
                  </span>
                  {f.proposal !== null && f.cell && (
                    <Checkbox
                      checked={consent.has(f.cell)}
                      onChange={(_, d) => onConsent(f.cell!, d.checked === true)}
                      label={`写回时把 ${f.cell} 覆盖为 ${f.proposal}`}
                      data-consent={f.cell}
                    />
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

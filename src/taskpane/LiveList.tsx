/**
 * 公式化's consent list: each computed cell that holds a typed figure, with the formula it would get. Nothing is
 * ticked at first; only the ticked cells are written, as with every non-empty cell 写回得分 would overwrite.
 */
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { LiveProposal } from "./livePlan";

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    margin: "4px 0",
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
  },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-all",
    margin: "0 0 0 28px",
  },
});

/** The list is capped on screen; a workbook of many forms is converted in turns. */
const LISTED = 200;

export interface LiveListProps {
  proposals: readonly LiveProposal[] | null;
  consent: ReadonlySet<string>;
  disabled: boolean;
  onConsent(cell: string, on: boolean): void;
  onApply(): void;
}

export function LiveList({ proposals, consent, disabled, onConsent, onApply }: LiveListProps) {
  const styles = useStyles();
  if (!proposals || proposals.length === 0) return null;
  return (
    <section aria-label="公式化">
      <ul className={styles.list}>
        {proposals.slice(0, LISTED).map((p) => (
          <li key={p.cell} data-live={p.cell}>
            <Checkbox
              checked={consent.has(p.cell)}
              disabled={disabled}
              onChange={(_, d) => onConsent(p.cell, d.checked === true)}
              label={`把 ${p.cell}（${p.label} ${p.shown}）改为公式`}
            />
            <p className={styles.formula}>{p.rewrite.after && "formula" in p.rewrite.after ? p.rewrite.after.formula : ""}</p>
          </li>
        ))}
      </ul>
      <Button appearance="primary" onClick={onApply} disabled={disabled || consent.size === 0}>
        {`写入所选公式（${[...consent].filter((c) => proposals.some((p) => p.cell === c)).length}）`}
      </Button>
    </section>
  );
}

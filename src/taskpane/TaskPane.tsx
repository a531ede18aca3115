/**
 * 自评表助手's task pane. It is given a WorkbookPort (Excel through src/office, or the preview's in-memory one) and
 * never touches Excel itself.
 */
import { Button, Field, makeStyles, Radio, RadioGroup, Select, Spinner, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { PROFILE_IDS, PROFILES, type ProfileId, type ReadScope, type WorkbookPort } from "../core";
import { FormCard } from "./FormCard";
import { FormTools, FrozenList } from "./FormTools";
import { LiveList } from "./LiveList";
import { totals } from "./model";
import { useTaskPane } from "./useTaskPane";

const PAGE = 20;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "10px", padding: "12px", boxSizing: "border-box", minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: "6px" },
  options: { display: "flex", flexWrap: "wrap", columnGap: "12px", rowGap: "6px", alignItems: "flex-end" },
  sheet: { margin: "8px 0 4px 0", fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground3 },
  forms: { display: "flex", flexDirection: "column", rowGap: "10px" },
  // The status is a styled box rather than Fluent's MessageBar (its motion and icon code cost bundle for a line of text).
  message: {
    padding: "6px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
  },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, border: `1px solid ${tokens.colorPaletteGreenBorder1}` },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1, border: `1px solid ${tokens.colorPaletteYellowBorder1}` },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, border: `1px solid ${tokens.colorPaletteRedBorder1}` },
  info: {},
});

export interface TaskPaneProps {
  port: WorkbookPort;
  /**
   * Whether the pane is the page's `main` landmark (in Excel it is the whole page). The preview shows it beside a
   * workbook inside its own landmark, where a nested `main` is an error (axe: landmark-main-is-top-level).
   */
  landmark?: boolean;
}

export function TaskPane({ port, landmark = true }: TaskPaneProps) {
  const styles = useStyles();
  const { state, setScope, validate, writeBack, revert, select, changeProfile, toggleConsent, createForm, freeze, proposeLive, applyLive, toggleLive } =
    useTaskPane(port);
  const [shown, setShown] = useState(PAGE);
  const { sheets, busy, status } = state;
  const t = sheets ? totals(sheets) : null;
  const forms = sheets?.flatMap((s) => s.forms.map((f) => ({ sheet: s.sheet, form: f }))) ?? [];

  const Root = landmark ? "main" : "div";
  const grouped = (sheets?.length ?? 0) > 1;

  return (
    <Root className={styles.root} aria-busy={busy !== null} data-busy={busy ?? ""}>
      <h1 className={styles.title}>自评表助手</h1>
      <div className={styles.actions} role="group" aria-label="操作">
        <Button appearance="primary" onClick={() => { setShown(PAGE); void validate(); }} disabled={busy !== null}>
          校验
        </Button>
        <Button onClick={() => void writeBack()} disabled={busy !== null || !t || t.forms === 0}>
          写回得分
        </Button>
        <Button onClick={() => void revert()} disabled={busy !== null || !state.undo}>
          撤销写入
        </Button>
        {busy && <Spinner size="tiny" label={busy === "validate" ? "正在校验…" : "请稍候…"} />}
      </div>
      <div className={styles.options}>
        <Field label="范围">
          <RadioGroup
            layout="horizontal"
            value={state.scope}
            onChange={(_, d) => setScope(d.value as ReadScope)}
            disabled={busy !== null}
          >
            <Radio value="active" label="本表" />
            <Radio value="all" label="全部工作表" />
          </RadioGroup>
        </Field>
        <Field label="评分口径">
          <Select
            value={state.profile}
            onChange={(_, d) => void changeProfile(d.value as ProfileId)}
            disabled={busy !== null}
          >
            {PROFILE_IDS.map((id) => (
              <option key={id} value={id}>
                {PROFILES[id].label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FormTools
        disabled={busy !== null}
        canLive={!!t && t.forms > 0}
        onLive={() => void proposeLive()}
        onCreate={(id) => void createForm(id)}
        onFreeze={(m) => void freeze(m)}
      />
      <div role="status" aria-live="polite" data-status={status?.kind ?? ""}>
        {status && <div className={`${styles.message} ${styles[status.kind]}`}>{status.text}</div>}
      </div>
      <FrozenList frozen={state.frozen} />
      <LiveList proposals={state.live} consent={state.liveConsent} disabled={busy !== null} onConsent={toggleLive} onApply={() => void applyLive()} />
      {t && t.forms > 0 && (
        <section aria-label="校验结果" className={styles.forms} data-forms={t.forms} data-elapsed={state.elapsed?.toFixed(0) ?? ""}>
          {forms.slice(0, shown).map(({ sheet, form }, i) => (
            <div key={form.key}>
              {(i === 0 || forms[i - 1].sheet !== sheet) && grouped && <h2 className={styles.sheet}>{`工作表“${sheet}”`}</h2>}
              <FormCard form={form} consent={state.consent} onSelect={(c) => void select(c)} onConsent={toggleConsent} level={grouped ? 3 : 2} />
            </div>
          ))}
          {forms.length > shown && (
            <Button onClick={() => setShown((n) => n + PAGE * 5)}>{`显示更多自评表（还有 ${forms.length - shown} 张）`}</Button>
          )}
        </section>
      )}
    </Root>
  );
}

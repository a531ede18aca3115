/** Every rule, in the order findings are reported for one cell. Ids are a public contract: never rename one. */
import budgetAdjusted from "./budget-adjusted";
import costVsExecution from "./cost-vs-execution";
import execRateMismatch from "./exec-rate-mismatch";
import executionExceedsBudget from "./execution-exceeds-budget";
import fundingRowsSum from "./funding-rows-sum";
import fundingScoreMismatch from "./funding-score-mismatch";
import gradeMismatch from "./grade-mismatch";
import indicatorScoreMismatch from "./indicator-score-mismatch";
import missingDeviationNote from "./missing-deviation-note";
import missingField from "./missing-field";
import overAchievement from "./over-achievement";
import scoreExceedsWeight from "./score-exceeds-weight";
import targetTrivial from "./target-trivial";
import targetVague from "./target-vague";
import totalMismatch from "./total-mismatch";
import unitMismatch from "./unit-mismatch";
import valueUnparseable from "./value-unparseable";
import weightsSum from "./weights-sum";
import zeroBudget from "./zero-budget";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  execRateMismatch,
  fundingScoreMismatch,
  indicatorScoreMismatch,
  scoreExceedsWeight,
  totalMismatch,
  gradeMismatch,
  weightsSum,
  fundingRowsSum,
  zeroBudget,
  executionExceedsBudget,
  budgetAdjusted,
  missingDeviationNote,
  valueUnparseable,
  unitMismatch,
  targetTrivial,
  targetVague,
  overAchievement,
  costVsExecution,
  missingField,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);


/** A form nobody has filled in yet (a new template): its empty cells are to be filled, not errors. */
import type { Form } from "./model";

/** No amount in the funding table and no target, actual or score typed into an indicator row. */
export function isBlankForm(form: Form): boolean {
  for (const row of form.funding) {
    if (row.initial.value !== null || row.budget.value !== null || row.executed.value !== null) return false;
  }
  for (const i of form.indicators) if (i.target.text !== null || i.actual.text !== null) return false;
  return true;
}

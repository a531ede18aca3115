// placeholder: replaced by the task-pane/functions work
// Keeps the webpack build running until the real JX.* custom functions land. It declares no function, so the
// generated functions.json is empty; do not load this build into Excel.
export {};

/** The task pane's public surface: components that take a WorkbookPort, and the view model they render. */
export { TaskPane, type TaskPaneProps } from "./TaskPane";
export { FormCard } from "./FormCard";
export { Findings } from "./Findings";
export { ScoreChart } from "./ScoreChart";
export * from "./model";
export { useTaskPane } from "./useTaskPane";

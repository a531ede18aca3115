// placeholder: replaced by the task-pane/functions work
// Keeps the webpack build running until the real browser preview lands. The page provides <div id="container">.
const container = document.getElementById("container");
if (container) container.textContent = "自评表助手（预览）";
export {};

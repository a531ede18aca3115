import { analyzeGrid } from "../../src/core";
test("repro", () => {
  const g = JSON.parse(require("fs").readFileSync("/tmp/case-random_grids.json", "utf8"));
  const t = Date.now();
  analyzeGrid(g);
  console.log("took", Date.now() - t);
});

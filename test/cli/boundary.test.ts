/** src/cli is a thin host over src/core and src/xlsx: no Office, task pane, preview or React code. */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { ROOT } from "./helpers";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

test("src/cli imports only core, xlsx, its own modules and Node/CLI packages", () => {
  const imports = files(path.join(ROOT, "src", "cli")).flatMap((f) =>
    [...readFileSync(f, "utf8").matchAll(/from "([^"]+)"|require\("([^"]+)"\)|import\("([^"]+)"\)/g)].map((m) => `${path.relative(ROOT, f)} → ${m[1] ?? m[2] ?? m[3]}`),
  );
  expect(imports.length).toBeGreaterThan(10);
  const foreign = imports.filter((i) => /→ (\.\.\/)+(office|taskpane|preview|functions|commands)\b|→ react|→ @fluentui/.test(i));
  expect(foreign).toEqual([]);
  const packages = new Set(imports.map((i) => i.split(" → ")[1]).filter((s) => !s.startsWith(".")));
  expect([...packages].sort()).toEqual(["cli-progress", "commander", "fs", "os", "path", "worker_threads", "zlib"]);
});

/** Writes the bundled example workbooks (`npm run fixtures`). */
import path from "path";
import { buildSeedWorkbook } from "../test/support/seedWorkbook";

const out = path.resolve(__dirname, "..", "examples");

async function main(): Promise<void> {
  const files: Array<[string, Parameters<typeof buildSeedWorkbook>[0]]> = [
    ["sample.xlsx", { layout: "shanghai" }],
    ["sample-ministry-stacked.xlsx", { layout: "ministry", stacked: true, rateAs: "fraction", origin: { row: 2, col: 1 } }],
    ["blank-form.xlsx", { forms: [0], blankComputed: true }],
  ];
  for (const [name, options] of files) {
    const { workbook } = buildSeedWorkbook(options);
    await workbook.xlsx.writeFile(path.join(out, name));
    console.log(`wrote examples/${name}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

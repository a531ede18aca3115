/** The `new` and `freeze` commands' options; the work is in ./new.ts and ./freeze.ts, loaded when run. */
import type { Command, Option } from "commander";
import { FileError } from "./errors";
import type { Io } from "./main";

export function registerNewAndFreeze(p: Command, maxSize: Option, done: (code: number) => void, io: Io): void {
  p.command("new")
    .description("新建空白自评表（计算单元格为 Excel 内置公式），模板：mof2020、shanghai、sichuan、hubei")
    .requiredOption("--template <id>", "模板：mof2020、shanghai、sichuan、hubei")
    .requiredOption("-o, --output <file>", "输出的 .xlsx 文件")
    .option("--project <name>", "项目名称")
    .option("--year <year>", "年度（默认今年）")
    .option("--rows <n>", "绩效指标行数（默认 8）")
    .option("--force", "输出文件已存在时覆盖它")
    .action(async (flags: { template: string; output: string; project?: string; year?: string; rows?: string; force?: boolean }) => {
      const { formatNew, runNew } = await import("./new");
      const result = await runNew(flags.output, { ...flags, force: Boolean(flags.force) });
      io.stdout(formatNew(result, flags.output));
      done(0);
    });

  p.command("freeze")
    .description("把调用 JX 函数的公式改为 Excel 内置公式（没有等价公式的改为当前数值），另存为新文件")
    .argument("<input>", "要转换的 .xlsx 文件")
    .requiredOption("-o, --output <file>", "输出文件（不能是输入文件）")
    .option("--force", "输出文件已存在时覆盖它")
    .addOption(maxSize)
    .action(async (input: string, flags: { output: string; force?: boolean; maxSize: string }) => {
      const { parseMaxSize } = await import("./options");
      const { limitsFor } = await import("./load");
      const { formatFreeze, runFreeze } = await import("./freeze");
      try {
        const cells = await runFreeze(input, flags.output, { limits: limitsFor(parseMaxSize(flags.maxSize)), force: Boolean(flags.force) });
        io.stdout(formatFreeze(cells, flags.output));
        done(0);
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
        io.stderr(`selfeval: ${input}: ${e.message}\n`);
        done(2);
      }
    });
}

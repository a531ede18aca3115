/** Writing an output file: beside the target, then renamed, for `fill`, `freeze` and `new`. */
import { promises as fs } from "fs";
import path from "path";
import { UsageError } from "./errors";

/** Writes beside the target and renames, so an interrupted run never leaves half a file. */
export async function writeAtomically(output: string, bytes: Uint8Array, force: boolean): Promise<void> {
  const exists = await fs.lstat(output).then(() => true, () => false);
  if (exists && !force) throw new UsageError(`输出文件 ${output} 已存在；如需覆盖请加 --force`);
  const dir = await fs.realpath(path.dirname(output)).catch(() => null);
  if (dir === null) throw new UsageError(`输出目录 ${path.dirname(output)} 不存在`);
  const tmp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    await fs.rename(tmp, output);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new UsageError(`无法写入 ${output}：${(e as { code?: string }).code ?? (e as Error).message}`);
  }
}

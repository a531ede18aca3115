/** Writing an output file for `fill`, `freeze` and `new`: never over the input, never over a file without --force. */
import { promises as fs } from "fs";
import path from "path";
import { FileError, UsageError } from "./errors";

async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
  return x.dev === y.dev && x.ino === y.ino;
}

/** Refuses an output that is the input by any path to it (the same path, a symlink, a hard link). */
export async function refuseInputAsOutput(input: string, output: string): Promise<void> {
  const inReal = await fs.realpath(input).catch(() => {
    throw new FileError("not-found", "找不到该文件");
  });
  const outReal = await fs.realpath(output).catch(() => null);
  if (outReal === null) return; // no file there (or a dangling link): not the input
  if (outReal === inReal || (await sameFile(input, output).catch(() => false))) {
    throw new UsageError(`拒绝写入：输出文件 ${output} 就是输入文件，请用 -o 指定另一个文件`);
  }
}

/** Refuses an existing output without --force, and an output folder that does not exist. */
export async function checkWritable(output: string, force: boolean): Promise<void> {
  const exists = await fs.lstat(output).then(() => true, () => false);
  if (exists && !force) throw new UsageError(`输出文件 ${output} 已存在；如需覆盖请加 --force`);
  const dir = await fs.realpath(path.dirname(output)).catch(() => null);
  if (dir === null) throw new UsageError(`输出目录 ${path.dirname(output)} 不存在`);
}

/** Writes beside the target and renames, so an interrupted run never leaves half a file. */
export async function writeAtomically(output: string, bytes: Uint8Array, force: boolean): Promise<void> {
  await checkWritable(output, force);
  const tmp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: "wx" });
    await fs.rename(tmp, output);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new UsageError(`无法写入 ${output}：${(e as { code?: string }).code ?? (e as Error).message}`);
  }
}

/** A worker thread of the `check` pool (pool.ts): checks one file per message and posts its report back. */
import { parentPort } from "worker_threads";
import { type CheckOptions, checkFile } from "./check";
import { FileError, type FileErrorCode } from "./errors";

parentPort?.on("message", (msg: { i: number; target: { file: string; error?: { code: FileErrorCode; message: string } }; options: CheckOptions }) => {
  const { file, error } = msg.target;
  void checkFile({ file, error: error ? new FileError(error.code, error.message) : undefined }, msg.options).then((report) => parentPort!.postMessage({ i: msg.i, report }));
});

/**
 * Files checked by a pool of worker threads (`--jobs N`, one per core by default), each worker reading one file at
 * a time, so memory is bounded by the largest file times the jobs, not by the number of files. Results are handed
 * on in input order: a result that arrives early waits (at most a few, since a worker takes its next file only when
 * its result is delivered or buffered). Few files, or one job, run in this thread: starting workers costs more.
 */
import path from "path";
import { Worker } from "worker_threads";
import type { Target } from "./discover";
import type { CheckOptions, FileReport } from "./check";

/** Below this many files per job, workers cost more (~40 ms each to start) than they save. */
const FILES_PER_WORKER = 4;

export async function mapOrdered(targets: readonly Target[], jobs: number, options: CheckOptions, onResult: (r: FileReport, t: Target) => void): Promise<void> {
  const workers = Math.min(jobs, Math.floor(targets.length / FILES_PER_WORKER));
  if (workers <= 1) {
    // Lazy: a worker thread never loads this module's check path twice.
    const { checkFile } = await import("./check");
    for (const t of targets) onResult(await checkFile(t, options), t);
    return;
  }
  const done = new Map<number, FileReport>();
  let next = 0; // next index to hand to a worker
  let emit = 0; // next index to deliver
  await new Promise<void>((resolve, reject) => {
    const pool: Worker[] = [];
    let live = workers;
    const finish = (e?: unknown) => {
      for (const w of pool) void w.terminate();
      if (e) reject(e);
      else resolve();
    };
    const feed = (w: Worker) => {
      if (next >= targets.length) {
        void w.terminate();
        if (--live === 0 && emit >= targets.length) finish();
        return;
      }
      const i = next++;
      w.postMessage({ i, target: { file: targets[i].file, error: targets[i].error ? { code: targets[i].error!.code, message: targets[i].error!.message } : undefined }, options });
    };
    for (let k = 0; k < workers; k++) {
      const w = new Worker(path.join(__dirname, "worker.js"));
      pool.push(w);
      w.on("message", ({ i, report }: { i: number; report: FileReport }) => {
        done.set(i, report);
        try {
          while (done.has(emit)) {
            const r = done.get(emit)!;
            done.delete(emit);
            onResult(r, targets[emit]);
            emit++;
          }
        } catch (e) {
          finish(e);
          return;
        }
        feed(w);
      });
      w.on("error", (e) => finish(e));
      feed(w);
    }
  });
}

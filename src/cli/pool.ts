/**
 * Files checked by a pool of worker threads (`--jobs N`, one per core by default), each worker reading one file at
 * a time, so memory is bounded by the largest file times the jobs, not by the number of files. Results are handed
 * on in input order: a result that arrives early waits (at most REORDER_PER_WORKER per worker); a worker takes its
 * next file only when its result is delivered or buffered and the output has room. Few files, or one job, run in
 * this thread: starting workers costs more.
 */
import path from "path";
import { Worker } from "worker_threads";
import type { Target, TargetList } from "./discover";
import type { CheckOptions, FileReport } from "./check";

/** Below this many files per job, workers cost more (~40 ms each to start) than they save. */
const FILES_PER_WORKER = 4;
/** Reports a worker may run ahead of the one being waited for (reordering needs a few; more only costs memory). */
export const REORDER_PER_WORKER = 4;

/** `onResult` may return a promise (stdout is full): no further file is started until it settles. */
export type OnResult = (r: FileReport, t: Target) => void | Promise<void>;

export async function mapOrdered(targets: TargetList, jobs: number, options: CheckOptions, onResult: OnResult): Promise<void> {
  const workers = Math.min(jobs, Math.floor(targets.length / FILES_PER_WORKER));
  if (workers <= 1) {
    // Lazy: a worker thread never loads this module's check path twice.
    const { checkFile } = await import("./check");
    for (let i = 0; i < targets.length; i++) {
      const t = targets.at(i);
      await onResult(await checkFile(t, options), t);
    }
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
    const idle: Worker[] = [];
    const feed = (w: Worker) => {
      // A slow file (a 16 MB workbook) must not let the other workers run ahead without bound: their reports would
      // wait here, in memory, for it. Past the window a worker rests until the reports before it are delivered.
      if (next < targets.length && next - emit >= REORDER_PER_WORKER * workers) {
        idle.push(w);
        return;
      }
      if (next >= targets.length) {
        void w.terminate();
        if (--live === 0 && emit >= targets.length) finish();
        return;
      }
      const i = next++;
      const { file, error } = targets.at(i);
      w.postMessage({ i, target: { file, error: error ? { code: error.code, message: error.message } : undefined }, options });
    };
    for (let k = 0; k < workers; k++) {
      const w = new Worker(path.join(__dirname, "worker.js"));
      pool.push(w);
      w.on("message", ({ i, report }: { i: number; report: FileReport }) => {
        done.set(i, report);
        let wait: void | Promise<void> = undefined;
        try {
          while (done.has(emit)) {
            const r = done.get(emit)!;
            done.delete(emit);
            wait = onResult(r, targets.at(emit)) ?? wait;
            emit++;
          }
        } catch (e) {
          finish(e);
          return;
        }
        // The worker gets its next file once the output has room: a reader slower than the pool holds the pool back
        // instead of the reports piling up in memory.
        const resume = () => {
          feed(w);
          for (const v of idle.splice(0)) feed(v);
        };
        if (wait) wait.then(resume, finish);
        else resume();
      });
      w.on("error", (e) => finish(e));
      feed(w);
    }
  });
}

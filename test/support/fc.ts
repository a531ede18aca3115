/**
 * fast-check for the property tests, with the run's seed told before any case runs: a failure prints its seed, but a
 * case that never returns would not, and CI would only see a silent stall. `PROP_SEED=<n>` replays a run.
 */
import fc from "fast-check";

const given = Number(process.env.PROP_SEED);
const PROP_SEED = Number.isInteger(given) && process.env.PROP_SEED ? given : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
fc.configureGlobal({ seed: PROP_SEED });
process.stderr.write(`fast-check seed ${PROP_SEED} (${expect.getState().testPath?.replace(/^.*\/test\//, "test/") ?? "?"})\n`);

export default fc;

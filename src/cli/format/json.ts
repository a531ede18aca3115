/**
 * `--json`: the contract's report (contract/check-report.schema.json), written file by file, byte for byte what
 * `JSON.stringify(report, null, 2)` gives, without ever holding the report (10^5 forms would pass V8's longest
 * string). `--format ndjson`: one file report per line as it comes, then a summary line.
 */
import type { FileReport, ReportSink, Tally } from "../check";

const indent = (s: string, pad: string) => s.replace(/\n/g, "\n" + pad);

export function jsonSink(write: (s: string) => void, profile: string): ReportSink {
  let n = 0;
  write(`{\n  "profile": ${JSON.stringify(profile)},\n  "files": [`);
  return {
    file(r: FileReport) {
      write((n++ === 0 ? "\n    " : ",\n    ") + indent(JSON.stringify(r, null, 2), "    "));
    },
    end() {
      write(n === 0 ? "]\n}\n" : "\n  ]\n}\n");
    },
  };
}

export function ndjsonSink(write: (s: string) => void, tally: () => Tally, profile: string): ReportSink {
  return {
    file: (r) => write(JSON.stringify(r) + "\n"),
    end() {
      const t = tally();
      const summary = { profile, files: t.files, forms: t.forms, unreadable: t.unreadable, findings: t.count, exitCode: t.exitCode() };
      write(JSON.stringify({ summary }) + "\n");
    },
  };
}

/**
 * `--json`: the contract's report (contract/check-report.schema.json), written file by file, byte for byte what
 * `JSON.stringify(report, null, 2)` gives, without ever holding the report (10^5 forms would pass V8's longest
 * string). `--format ndjson`: one file report per line as it comes, then a summary line.
 */
import type { FileReport, ReportSink, Tally, Write } from "../check";

const indent = (s: string, pad: string) => s.replace(/\n/g, "\n" + pad);

export function jsonSink(write: Write, profile: string): ReportSink {
  let n = 0;
  void write(`{\n  "profile": ${JSON.stringify(profile)},\n  "files": [`);
  return {
    file(r: FileReport) {
      return write((n++ === 0 ? "\n    " : ",\n    ") + indent(JSON.stringify(r, null, 2), "    "));
    },
    end() {
      void write(n === 0 ? "]\n}\n" : "\n  ]\n}\n");
    },
  };
}

export function ndjsonSink(write: Write, tally: () => Tally, profile: string): ReportSink {
  return {
    file: (r) => write(JSON.stringify(r) + "\n"),
    end() {
      const t = tally();
      const summary = { profile, files: t.files, forms: t.forms, unreadable: t.unreadable, findings: t.count, exitCode: t.exitCode() };
      void write(JSON.stringify({ summary }) + "\n");
    },
  };
}

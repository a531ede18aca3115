/** Score against weight per level-1 indicator, as plain SVG bars (no chart library). */
import { tokens } from "@fluentui/react-components";
import type { Level1Bar } from "./model";

const ROW = 22;
const LABEL = 44;
const WIDTH = 240;
const VALUE = 70;

export function ScoreChart({ bars, title }: { bars: Level1Bar[]; title: string }) {
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => Math.max(b.weight, b.score)), 1);
  const track = WIDTH - LABEL - VALUE;
  const description = bars.map((b) => `${b.name} 得分 ${b.score}，分值 ${b.weight}`).join("；");
  return (
    <svg
      role="img"
      aria-label={`${title}：${description}`}
      viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`}
      width="100%"
      style={{ maxWidth: 360, display: "block" }}
      data-chart="level1"
    >
      <title>{`${title}：${description}`}</title>
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const w = (b.weight / max) * track;
        const s = (Math.min(b.score, max) / max) * track;
        const short = b.score < b.weight;
        return (
          <g key={b.name} data-level1={b.name}>
            <text x={0} y={y + 14} fontSize={11} fill={tokens.colorNeutralForeground1}>
              {b.name}
            </text>
            <rect x={LABEL} y={y + 3} width={w} height={14} fill="none" stroke={tokens.colorNeutralStroke1} rx={2} />
            <rect
              x={LABEL}
              y={y + 5}
              width={s}
              height={10}
              rx={2}
              fill={short ? tokens.colorPaletteMarigoldBackground3 : tokens.colorBrandBackground}
            />
            <text x={WIDTH - VALUE + 4} y={y + 14} fontSize={11} fill={tokens.colorNeutralForeground2}>
              {`${b.score} / ${b.weight}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

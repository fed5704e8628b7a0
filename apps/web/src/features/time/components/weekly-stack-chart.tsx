import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShortDay } from '../../../shared/format/date.ts';
import type { Series, WeekRow } from '../report-series.ts';
import { formatHours } from '../time-format.ts';

/** Distinct on light and dark backgrounds; "Other" is always the neutral last one. */
const PALETTE = ['#5e6ad2', '#27a06b', '#d08a11', '#d84a42', '#3b9fd1', '#9b59b6'];
const OTHER_COLOR = '#9797a1';

interface WeeklyStackChartProps {
  title: string;
  rows: WeekRow[];
  series: Series[];
  /** Fixed colours per series key (billable: green, non-billable: grey), else the palette. */
  colors?: Record<string, string>;
}

/** Hours per week as stacked bars, one colour per series. */
export function WeeklyStackChart({ title, rows, series, colors }: WeeklyStackChartProps) {
  return (
    <figure className="time-chart" aria-label={title}>
      <figcaption className="time-chart-title">{title}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="week"
            tickFormatter={(week: string) => formatShortDay(week)}
            tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--text-muted)' }} unit=" h" />
          <Tooltip
            labelFormatter={(week) => (typeof week === 'string' ? `Week of ${formatShortDay(week)}` : '')}
            formatter={(value) => formatHours(Number(value))}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, index) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="hours"
              fill={
                colors?.[s.key] ?? (s.key === '__other__' ? OTHER_COLOR : PALETTE[index % PALETTE.length])
              }
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

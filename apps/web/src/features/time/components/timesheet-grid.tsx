import { useState } from 'react';
import { formatShortDay } from '../../../shared/format/date.ts';
import type { CellEditor } from '../hooks/use-cell-editor.ts';
import { formatMinutes } from '../time-format.ts';
import type { Grid, GridRow } from '../timesheet-grid.ts';
import type { TimeEntry } from '../time.types.ts';
import { CellEntriesDialog } from './cell-entries-dialog.tsx';
import { DurationInput } from './duration-input.tsx';
import { rowName, TimesheetRowLabel } from './timesheet-row-label.tsx';

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const weekdayOf = (day: string) => weekday.format(new Date(`${day}T12:00:00`));

interface TimesheetGridProps {
  grid: Grid;
  days: string[];
  /** Days after today: no time can end there yet. */
  today: string;
  editor: CellEditor;
}

interface OpenCell {
  row: GridRow;
  day: number;
}

/** The week: a row per task (or project without a task), a column per day, totals on both. */
export function TimesheetGrid({ grid, days, today, editor }: TimesheetGridProps) {
  const [open, setOpen] = useState<OpenCell | null>(null);
  const openEntries: TimeEntry[] = open
    ? (grid.rows.find((r) => r.key === open.row.key)?.cells[open.day] ?? [])
    : [];
  return (
    <div className="timesheet-scroll">
      <table className="timesheet-grid">
        <thead>
          <tr>
            <th scope="col">Task</th>
            {days.map((day) => (
              <th scope="col" key={day} className={day === today ? 'is-today' : undefined}>
                <span className="timesheet-weekday">{weekdayOf(day)}</span> {formatShortDay(day)}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <TimesheetRowLabel target={row} />
              </th>
              {row.cells.map((cell, index) => {
                const day = days[index] ?? '';
                const label = `${rowName(row)} on ${weekdayOf(day)} ${day}`;
                const minutes = cell.reduce((sum, e) => sum + (e.duration_minutes ?? 0), 0);
                const running = cell.some((e) => e.is_running);
                return (
                  <td key={day} className={day === today ? 'is-today' : undefined}>
                    {cell.length > 1 || running ? (
                      <button
                        type="button"
                        className="timesheet-multi"
                        aria-label={`${label}: ${cell.length} entries, ${formatMinutes(minutes)}`}
                        onClick={() => setOpen({ row, day: index })}
                      >
                        {formatMinutes(minutes)}
                        <span className="timesheet-multi-count">{running ? '▶' : `×${cell.length}`}</span>
                      </button>
                    ) : (
                      <DurationInput
                        label={label}
                        minutes={minutes}
                        disabled={day > today}
                        onCommit={(next) => editor.setCell(row, day, cell, next)}
                      />
                    )}
                  </td>
                );
              })}
              <td className="timesheet-total">{formatMinutes(row.minutes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {grid.dayMinutes.map((minutes, index) => (
              <td key={days[index]} className="timesheet-total">
                {formatMinutes(minutes)}
              </td>
            ))}
            <td className="timesheet-total timesheet-grand-total">{formatMinutes(grid.minutes)}</td>
          </tr>
        </tfoot>
      </table>
      {open ? (
        <CellEntriesDialog
          open
          onClose={() => setOpen(null)}
          title={rowName(open.row)}
          day={days[open.day] ?? ''}
          entries={openEntries}
          onSetEntry={editor.setEntry}
        />
      ) : null}
    </div>
  );
}

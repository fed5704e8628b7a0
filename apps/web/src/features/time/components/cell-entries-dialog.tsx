import { formatDay } from '../../../shared/format/date.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import type { TimeEntry } from '../time.types.ts';
import { DurationInput } from './duration-input.tsx';

const timeFormat = (timeZone: string) => new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone });

interface CellEntriesDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  day: string;
  entries: TimeEntry[];
  onSetEntry: (entry: TimeEntry, minutes: number) => Promise<boolean>;
}

/** The entries one cell of the timesheet adds up, each with its duration editable (0 deletes). */
export function CellEntriesDialog({
  open,
  onClose,
  title,
  day,
  entries,
  onSetEntry,
}: CellEntriesDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`${title} · ${formatDay(day)}`}
      description="Each entry of this day. Change a duration, or set it to 0 to delete the entry."
      footer={<Button onClick={onClose}>Done</Button>}
    >
      <ul className="cell-entries">
        {entries.map((entry) => {
          const format = timeFormat(entry.time_zone);
          const range = `${format.format(Date.parse(entry.start_time))}–${
            entry.end_time ? format.format(Date.parse(entry.end_time)) : 'running'
          }`;
          return (
            <li key={entry.id} className="cell-entry">
              <span className="cell-entry-range">{range}</span>
              <span className="cell-entry-description">{entry.description ?? 'No description'}</span>
              <DurationInput
                label={`Duration of ${range}`}
                minutes={entry.duration_minutes ?? 0}
                disabled={entry.is_running}
                onCommit={(minutes) => onSetEntry(entry, minutes)}
              />
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}

import { AppError, ConflictError, NotFoundError } from '@pm/kernel';

/** Also the answer for entries the caller may not see (never 403). */
export class EntryNotFoundError extends NotFoundError {
  constructor() {
    super('Time entry', 'TIME_ENTRY_NOT_FOUND');
  }
}

export class TimesheetNotFoundError extends NotFoundError {
  constructor(field?: string) {
    super('Timesheet', 'TIME_TIMESHEET_NOT_FOUND');
    if (field) {
      this.errors.push({ field, message: 'is not a person whose timesheets you can see' });
    }
  }
}

export class RateNotFoundError extends NotFoundError {
  constructor() {
    super('Hourly rate', 'TIME_RATE_NOT_FOUND');
  }
}

/** A field names something the caller cannot see (a project, task, organization or person). */
export class UnknownReferenceError extends NotFoundError {
  constructor(what: string, field: string) {
    super(what, 'TIME_REFERENCE_NOT_FOUND');
    this.errors.push({ field, message: `is not a visible ${what.toLowerCase()}` });
  }
}

/** A request field breaks a time tracking rule; the message says which and why. */
export class InvalidTimeFieldError extends AppError {
  readonly code = 'TIME_INVALID_FIELD';
  readonly httpStatus = 400;
  constructor(field: string, message: string) {
    super(`${field} ${message}`);
    this.errors.push({ field, message });
  }
}

export interface OverlappedEntry {
  id: string;
  start_time: Date;
  end_time: Date | null;
}

/** Another entry of the same person covers part of this time; `overlapping_entry` names it. */
export class EntryOverlapError extends ConflictError {
  constructor(other: OverlappedEntry) {
    const until = other.end_time ? other.end_time.toISOString() : 'now (running)';
    super(
      `The time overlaps entry ${other.id} (${other.start_time.toISOString()} to ${until})`,
      'TIME_ENTRY_OVERLAP',
      {
        overlapping_entry: {
          id: other.id,
          start_time: other.start_time.toISOString(),
          end_time: other.end_time?.toISOString() ?? null,
        },
      },
    );
  }
}

/** The entry's week is approved: locked until an admin reopens the timesheet. */
export class WeekLockedError extends ConflictError {
  constructor(timesheetId: string, weekStart: string) {
    super(
      `The week of ${weekStart} is approved and locked; an admin must reopen its timesheet first`,
      'TIME_WEEK_LOCKED',
      { timesheet_id: timesheetId, week_start_date: weekStart },
    );
  }
}

export class VersionConflictError extends ConflictError {
  constructor(what: string, current: unknown) {
    super(`The ${what} was changed by someone else; here is its current state`, 'TIME_VERSION_CONFLICT', {
      current,
    });
    this.errors.push({ field: 'version', message: 'is not the current version' });
  }
}

/** A week is submitted or approved only once its timer is stopped (its time is not known yet). */
export class TimerRunningInWeekError extends ConflictError {
  constructor() {
    super('A timer is running in this week; stop it before submitting or approving', 'TIME_TIMER_RUNNING');
  }
}

export class TimerNotRunningError extends ConflictError {
  constructor() {
    super('No timer is running', 'TIME_TIMER_NOT_RUNNING');
  }
}

/** A timesheet transition its current status does not allow (approve a draft, submit an approved week). */
export class TimesheetStatusError extends ConflictError {
  constructor(status: string, action: string) {
    super(`A ${status} timesheet cannot be ${action}`, 'TIME_TIMESHEET_STATUS', { status });
  }
}

export class RateExistsError extends ConflictError {
  constructor() {
    super('A rate for this person, project and date exists already', 'TIME_RATE_EXISTS');
    this.errors.push({ field: 'effective_from', message: 'already has a rate for this person and project' });
  }
}

import { useEffect, useRef, useState } from 'react';
import { formatDay, today } from '../../../shared/format/date.ts';
import { PencilIcon, TrashIcon } from '../../../shared/ui/icons.tsx';
import { formatRate } from '../rate-input.ts';
import { groupRatesByPerson, rateStanding, ratesInForce, type RateStanding } from '../rate-list.ts';
import type { HourlyRate } from '../time.types.ts';
import { RateEditForm } from './rate-edit-form.tsx';

const COLUMNS = 5;

const STANDING: Record<RateStanding, { label: string; className: string; title: string }> = {
  'in-force': { label: 'In force', className: 'badge badge-success', title: 'Applies to entries of today' },
  scheduled: { label: 'Upcoming', className: 'badge badge-accent', title: 'Applies from its day on' },
  superseded: {
    label: 'Replaced',
    className: 'badge',
    title: 'A later rate applies now; entries before it still use this one',
  },
};

export interface RateNames {
  person: (userId: string) => string;
  project: (projectId: string) => string;
}

/** "Grace Hopper's default rate from Mar 3, 2025", "… rate for Website from …": for labels. */
export function describeRate(rate: HourlyRate, names: RateNames): string {
  const scope = rate.project_id === null ? 'default rate' : `rate for ${names.project(rate.project_id)}`;
  return `${names.person(rate.user_id)}'s ${scope} from ${formatDay(rate.effective_from)}`;
}

interface RateRowProps {
  rate: HourlyRate;
  names: RateNames;
  standing: RateStanding;
  /** The row just left its edit form: give the keyboard back to its Edit button. */
  focusEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function RateRow({ rate, names, standing, focusEdit, onEdit, onDelete }: RateRowProps) {
  const editRef = useRef<HTMLButtonElement>(null);
  const label = describeRate(rate, names);
  const { label: standingLabel, className, title } = STANDING[standing];
  useEffect(() => {
    if (focusEdit) {
      editRef.current?.focus();
    }
  }, [focusEdit]);
  return (
    <tr className={standing === 'superseded' ? 'rate-row is-superseded' : 'rate-row'}>
      <th scope="row" className="rate-scope">
        {rate.project_id === null ? (
          <span className="rate-default">Default for all projects</span>
        ) : (
          names.project(rate.project_id)
        )}
      </th>
      <td className="cell-num">{formatRate(rate.rate, rate.currency)}</td>
      <td className="nowrap">{formatDay(rate.effective_from)}</td>
      <td>
        <span className={className} title={title}>
          {standingLabel}
        </span>
      </td>
      <td className="cell-actions">
        <button
          ref={editRef}
          type="button"
          className="icon-btn"
          aria-label={`Edit ${label}`}
          onClick={onEdit}
        >
          <PencilIcon size={14} />
        </button>
        <button
          type="button"
          className="icon-btn icon-btn-danger"
          aria-label={`Delete ${label}`}
          onClick={onDelete}
        >
          <TrashIcon size={14} />
        </button>
      </td>
    </tr>
  );
}

interface RateTableProps {
  rates: HourlyRate[];
  names: RateNames;
  onDelete: (rate: HourlyRate) => void;
}

/** The rates grouped by person: defaults first, then per project, the newest first; edited in place. */
export function RateTable({ rates, names, onDelete }: RateTableProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [lastEdited, setLastEdited] = useState<string | null>(null);
  const day = today();
  const inForce = ratesInForce(rates, day);
  const groups = groupRatesByPerson(rates, names.person, names.project);
  const stopEditing = () => {
    setLastEdited(editing);
    setEditing(null);
  };

  return (
    <table className="table rate-table" aria-label="Hourly rates">
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col" className="cell-num">
            Rate
          </th>
          <th scope="col">Effective from</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.userId} aria-label={group.name}>
          <tr className="rate-person">
            <th scope="rowgroup" colSpan={COLUMNS}>
              {group.name}
            </th>
          </tr>
          {group.rates.map((rate) =>
            rate.id === editing ? (
              <tr key={rate.id} className="rate-editing">
                <td colSpan={COLUMNS}>
                  <RateEditForm rate={rate} label={describeRate(rate, names)} onDone={stopEditing} />
                </td>
              </tr>
            ) : (
              <RateRow
                key={rate.id}
                rate={rate}
                names={names}
                standing={rateStanding(rate, inForce, day)}
                focusEdit={rate.id === lastEdited}
                onEdit={() => setEditing(rate.id)}
                onDelete={() => onDelete(rate)}
              />
            ),
          )}
        </tbody>
      ))}
    </table>
  );
}

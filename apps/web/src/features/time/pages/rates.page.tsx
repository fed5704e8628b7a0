import { useId, useState } from 'react';
import { describeError } from '../../../shared/api/problem.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { ConfirmDialog } from '../../../shared/ui/dialog.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { ClockIcon } from '../../../shared/ui/icons.tsx';
import { NoAccess } from '../../../shared/ui/no-access.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { isOrgAdmin, roleWithArticle } from '../../organizations/organization-roles.ts';
import { RateForm } from '../components/rate-form.tsx';
import { describeRate, RateTable } from '../components/rate-table.tsx';
import { FilterSelect } from '../components/report-filters.tsx';
import { TimeTabs } from '../components/time-tabs.tsx';
import { useDeleteRate, useRates } from '../hooks/use-rates.ts';
import { useTimeNames } from '../hooks/use-time-names.ts';
import { formatRate } from '../rate-input.ts';
import { DEFAULT_RATES, filterRates, lastUsedCurrency, type RateFilters } from '../rate-list.ts';
import type { HourlyRate } from '../time.types.ts';

const TITLE = 'Hourly rates';
const WHAT_RATES_DO =
  "Each entry is priced with the rate in force on its day: the person's rate for its project, else their default. Approved timesheets freeze the rate in force, so later changes never rewrite approved amounts.";

function RatesSkeleton() {
  return (
    <div className="panel-state" aria-busy="true" aria-label="Loading the rates">
      <Skeleton width="70%" />
      <Skeleton width="50%" />
    </div>
  );
}

/** Organization admins set each person's hourly rate, by default or per project, from a day on. */
export function RatesPage() {
  const { organization } = useCurrentOrganization();
  const isAdmin = isOrgAdmin(organization.my_role);
  const names = useTimeNames(organization.id);
  const rates = useRates(organization.id, isAdmin);
  const remove = useDeleteRate();
  const toast = useToast();
  const filterId = useId();
  const [filters, setFilters] = useState<RateFilters>({ userId: '', projectId: '' });
  const [deleting, setDeleting] = useState<HourlyRate | null>(null);

  if (!isAdmin) {
    return (
      <Page title={TITLE}>
        <TimeTabs />
        <NoAccess>
          Only owners and admins set the hourly rates of {organization.name}. You're{' '}
          {roleWithArticle(organization.my_role)} here.
        </NoAccess>
      </Page>
    );
  }

  const all = rates.data ?? [];
  const shown = filterRates(all, filters);
  const rateNames = { person: names.person, project: names.project };
  const people = names.members.map((member) => ({ value: member.user_id, label: member.user.display_name }));
  const projects = names.projects.map((project) => ({ value: project.id, label: project.name }));
  const confirmDelete = (rate: HourlyRate) =>
    remove.mutate(rate.id, {
      onSuccess: () => toast.show(`Deleted ${describeRate(rate, rateNames)}`),
      onError: (error) => toast.show(describeError(error), 'error'),
      onSettled: () => setDeleting(null),
    });

  return (
    <Page
      title={TITLE}
      description="What an hour of each person's time costs, per project or by default."
      width="wide"
    >
      <TimeTabs />
      <Card
        title="Add a rate"
        description="A new rate applies from its day on; earlier entries keep the rate before it."
      >
        <RateForm
          organizationId={organization.id}
          people={people}
          projects={projects}
          defaultCurrency={lastUsedCurrency(all)}
        />
      </Card>
      <div className="toolbar rate-filters" role="search" aria-label="Filter the rates">
        <FilterSelect
          id={`${filterId}-person`}
          label="Person"
          value={filters.userId}
          options={[{ value: '', label: 'Everyone' }, ...people]}
          onChange={(userId) => setFilters({ ...filters, userId })}
        />
        <FilterSelect
          id={`${filterId}-project`}
          label="Project"
          value={filters.projectId}
          options={[
            { value: '', label: 'All projects' },
            { value: DEFAULT_RATES, label: 'Defaults only' },
            ...projects,
          ]}
          onChange={(projectId) => setFilters({ ...filters, projectId })}
        />
      </div>
      {rates.error ? (
        <ErrorBanner
          title="We couldn't load the rates"
          error={rates.error}
          onRetry={() => void rates.refetch()}
        />
      ) : null}
      {rates.isPending ? <RatesSkeleton /> : null}
      {rates.isSuccess && shown.length === 0 ? (
        <EmptyState
          icon={<ClockIcon size={22} />}
          iconTone="neutral"
          title={all.length === 0 ? 'No hourly rates yet' : 'No rates match these filters'}
          description={
            all.length === 0 ? WHAT_RATES_DO : 'Pick another person or project, or add a rate above.'
          }
        />
      ) : null}
      {shown.length > 0 ? (
        <div className="table-card">
          <RateTable rates={shown} names={rateNames} onDelete={setDeleting} />
        </div>
      ) : null}
      {shown.length > 0 ? <p className="card-note">{WHAT_RATES_DO}</p> : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this rate?"
        confirmLabel="Delete rate"
        isPending={remove.isPending}
        onConfirm={() => deleting && confirmDelete(deleting)}
        onClose={() => setDeleting(null)}
      >
        {deleting ? (
          <>
            {describeRate(deleting, rateNames)}, {formatRate(deleting.rate, deleting.currency)}, will be
            deleted. Entries of approved timesheets keep the rate frozen on them; the others fall back to the
            rate in force before it.
          </>
        ) : null}
      </ConfirmDialog>
    </Page>
  );
}

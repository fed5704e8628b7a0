import { useRef, useState, type FormEvent } from 'react';
import { today } from '../../../shared/format/date.ts';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { SelectField, type SelectOption } from '../../../shared/ui/form-controls.tsx';
import { PlusIcon } from '../../../shared/ui/icons.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useCreateRate } from '../hooks/use-rates.ts';
import { formatRate } from '../rate-input.ts';
import { RATE_LABELS, RateFields, readRateFields } from './rate-fields.tsx';

interface RateFormProps {
  organizationId: string;
  people: SelectOption[];
  projects: SelectOption[];
  /** The currency the field starts with: the one set last in the organization, else USD. */
  defaultCurrency: string;
}

/** Sets a person's rate from a day on, for one project or as their default for all of them. */
export function RateForm({ organizationId, people, projects, defaultCurrency }: RateFormProps) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // null: follow `defaultCurrency` (it arrives with the rates) until the person types one.
  const [currency, setCurrency] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateRate();
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const scope = formValues(form, ['user_id', 'project_id'] as const);
    const read = readRateFields(form);
    const fields = 'errors' in read ? { ...read.errors.fields } : {};
    if (!scope.user_id) {
      fields.user_id = 'Pick the person this rate is for';
    }
    if ('errors' in read || Object.keys(fields).length > 0) {
      setErrors({ fields, banner: null });
      return;
    }
    const person = people.find((option) => option.value === scope.user_id)?.label ?? 'the person';
    const body = {
      organization_id: organizationId,
      user_id: scope.user_id,
      project_id: scope.project_id || null,
      ...read.values,
    };
    create.mutate(body, {
      onSuccess: (saved) => {
        setErrors(NO_ERRORS);
        setCurrency(null);
        form.reset();
        toast.show(`${formatRate(saved.rate, saved.currency)} set for ${person}`, 'success');
      },
      onError: (error) => setErrors(formErrorsFrom(error, RATE_LABELS)),
    });
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Add a rate">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <div className="form-row">
        <SelectField
          name="user_id"
          label={RATE_LABELS.user_id}
          options={[{ value: '', label: 'Choose a person…' }, ...people]}
          defaultValue=""
          error={errors.fields.user_id}
        />
        <SelectField
          name="project_id"
          label={RATE_LABELS.project_id}
          options={[{ value: '', label: 'Default for all projects' }, ...projects]}
          defaultValue=""
          error={errors.fields.project_id}
        />
      </div>
      <div className="form-row">
        <RateFields
          rate=""
          currency={currency ?? defaultCurrency}
          onCurrencyChange={setCurrency}
          effectiveFrom={today()}
          errors={errors}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" isLoading={create.isPending}>
          <PlusIcon size={14} />
          Add rate
        </Button>
        <span className="field-hint">A project rate wins over the person's default for that project.</span>
      </div>
    </form>
  );
}

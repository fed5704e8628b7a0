import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { SelectField, TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useTemplates } from '../hooks/use-projects.ts';
import { useCreateProject } from '../hooks/use-project-mutations.ts';
import { PROJECT_KEY_PATTERN, suggestProjectKey } from '../project-key.ts';
import type { CreateProjectBody } from '../project.types.ts';
import { TemplatePicker } from './template-picker.tsx';

const LABELS = {
  name: 'Name',
  key: 'Key',
  description: 'Description',
  start_date: 'Start date',
  end_date: 'End date',
  team_id: 'Team',
};
const NAMES = ['name', 'key', 'description', 'start_date', 'end_date', 'team_id'] as const;

interface CreateProjectDialogProps {
  open: boolean;
  onClose: () => void;
  organizationId: string;
  teams: { id: string; name: string }[];
}

/** Checks the server would make, made first so the person gets every message at once. */
function localProblems(values: Record<(typeof NAMES)[number], string>, templateId: string): FormErrors {
  const fields: Record<string, string> = {};
  if (!values.name.trim()) {
    fields.name = 'Give the project a name';
  }
  if (values.key && !PROJECT_KEY_PATTERN.test(values.key)) {
    fields.key = 'Use 2–10 capital letters or digits, starting with a letter';
  }
  if (templateId && !values.start_date) {
    fields.start_date = "Pick a start date: the template's milestones are dated from it";
  }
  if (values.start_date && values.end_date && values.end_date < values.start_date) {
    fields.end_date = 'End date must not be before the start date';
  }
  return { fields, banner: null };
}

export function CreateProjectDialog({ open, onClose, organizationId, teams }: CreateProjectDialogProps) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const templates = useTemplates(organizationId);
  const create = useCreateProject();
  const navigate = useNavigate();
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const close = () => {
    setErrors(NO_ERRORS);
    setName('');
    setTemplateId('');
    create.reset();
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, NAMES);
    values.key = values.key.trim().toUpperCase();
    const problems = localProblems(values, templateId);
    setErrors(problems);
    if (Object.keys(problems.fields).length > 0) {
      return;
    }
    const body: CreateProjectBody = { organization_id: organizationId, name: values.name.trim() };
    if (values.key) {
      body.key = values.key;
    }
    if (values.description.trim()) {
      body.description = values.description.trim();
    }
    body.start_date = values.start_date || null;
    body.end_date = values.end_date || null;
    body.team_id = values.team_id || null;
    if (templateId) {
      body.template_id = templateId;
    }
    create.mutate(body, {
      onSuccess: (project) => {
        toast.show(`Created ${project.name}`);
        close();
        void navigate(`/projects/${project.id}`);
      },
      onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
    });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New project"
      description="Projects hold milestones and tasks. You can change everything but the key later."
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" form="create-project" variant="primary" isLoading={create.isPending}>
            Create project
          </Button>
        </>
      }
    >
      <form
        id="create-project"
        ref={formRef}
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-label="New project"
      >
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <TemplatePicker
          templates={templates.data ?? []}
          isLoading={templates.isPending}
          value={templateId}
          onChange={setTemplateId}
        />
        <div className="form-row form-row-key">
          <Field
            name="name"
            label={LABELS.name}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={255}
            error={errors.fields.name}
            data-autofocus
          />
          <Field
            name="key"
            label={LABELS.key}
            optional
            placeholder={name.trim() ? suggestProjectKey(name) : 'WEB'}
            maxLength={10}
            autoCapitalize="characters"
            spellCheck={false}
            className="field-key"
            error={errors.fields.key}
          />
        </div>
        <TextAreaField
          name="description"
          label={LABELS.description}
          optional
          rows={3}
          maxLength={10_000}
          error={errors.fields.description}
        />
        <div className="form-row">
          <Field
            name="start_date"
            label={LABELS.start_date}
            type="date"
            optional={!templateId}
            error={errors.fields.start_date}
          />
          <Field
            name="end_date"
            label={LABELS.end_date}
            type="date"
            optional
            error={errors.fields.end_date}
          />
        </div>
        <SelectField
          name="team_id"
          label={LABELS.team_id}
          optional
          options={[
            { value: '', label: 'No team' },
            ...teams.map((team) => ({ value: team.id, label: team.name })),
          ]}
          error={errors.fields.team_id}
        />
      </form>
    </Dialog>
  );
}

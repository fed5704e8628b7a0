import { useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../../shared/api/problem.ts';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { SelectField, TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import {
  useCreateMilestone,
  useDeleteMilestone,
  useUpdateMilestone,
} from '../hooks/use-milestone-mutations.ts';
import { MILESTONE_STATUS_LABELS } from '../project-labels.ts';
import type { Milestone, MilestoneStatus } from '../project.types.ts';

const LABELS = { title: 'Title', description: 'Description', due_date: 'Due date', status: 'Status' };
const NAMES = ['title', 'description', 'due_date', 'status'] as const;
const STATUS_OPTIONS = (Object.keys(MILESTONE_STATUS_LABELS) as MilestoneStatus[]).map((value) => ({
  value,
  label: MILESTONE_STATUS_LABELS[value],
}));

interface MilestoneDialogProps {
  projectId: string;
  /** The milestone to edit; absent to add one. */
  milestone?: Milestone | undefined;
  open: boolean;
  onClose: () => void;
}

export function MilestoneDialog({ projectId, milestone, open, onClose }: MilestoneDialogProps) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateMilestone(projectId);
  const update = useUpdateMilestone(projectId);
  const remove = useDeleteMilestone(projectId);
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const close = () => {
    setErrors(NO_ERRORS);
    onClose();
  };
  const failed = (error: unknown) => setErrors(formErrorsFrom(error, LABELS));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, NAMES);
    if (!values.title.trim()) {
      setErrors({ fields: { title: 'Give the milestone a title' }, banner: null });
      return;
    }
    const body = {
      title: values.title.trim(),
      description: values.description.trim() || null,
      due_date: values.due_date || null,
      status: values.status as MilestoneStatus,
    };
    if (milestone) {
      update.mutate(
        { id: milestone.id, body: { ...body, version: milestone.version } },
        {
          onSuccess: () => {
            toast.show('Milestone saved');
            close();
          },
          onError: failed,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: () => {
          toast.show('Milestone added');
          close();
        },
        onError: failed,
      });
    }
  };

  const onDelete = () => {
    if (milestone) {
      remove.mutate(milestone.id, {
        onSuccess: () => {
          toast.show(`Deleted ${milestone.title}`);
          close();
        },
        onError: (error) => toast.show(describeError(error), 'error'),
      });
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={milestone ? 'Edit milestone' : 'New milestone'}
      footer={
        <>
          {milestone ? (
            <Button
              variant="danger"
              className="dialog-footer-start"
              onClick={onDelete}
              isLoading={remove.isPending}
            >
              Delete
            </Button>
          ) : null}
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button
            type="submit"
            form="milestone-form"
            variant="primary"
            isLoading={create.isPending || update.isPending}
          >
            {milestone ? 'Save milestone' : 'Add milestone'}
          </Button>
        </>
      }
    >
      <form
        id="milestone-form"
        ref={formRef}
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-label="Milestone"
      >
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <Field
          name="title"
          label={LABELS.title}
          defaultValue={milestone?.title ?? ''}
          maxLength={255}
          error={errors.fields.title}
        />
        <TextAreaField
          name="description"
          label={LABELS.description}
          optional
          rows={3}
          defaultValue={milestone?.description ?? ''}
          error={errors.fields.description}
        />
        <div className="form-row">
          <Field
            name="due_date"
            label={LABELS.due_date}
            type="date"
            optional
            defaultValue={milestone?.due_date ?? ''}
            error={errors.fields.due_date}
          />
          <SelectField
            name="status"
            label={LABELS.status}
            options={STATUS_OPTIONS}
            defaultValue={milestone?.status ?? 'pending'}
            error={errors.fields.status}
          />
        </div>
      </form>
    </Dialog>
  );
}

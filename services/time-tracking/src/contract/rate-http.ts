import { PageOf, PageQuery } from '@pm/kernel';
import { Type, type Static } from 'typebox';
import { Closed, DateOnly, Nullable, Uuid } from './http.ts';

const Rate = Type.Number({ minimum: 0, maximum: 99_999_999.99, multipleOf: 0.01 });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });

/** A person's hourly rate for one project or (project_id null) as their default. */
export const HourlyRate = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  user_id: Uuid,
  project_id: Nullable(Uuid),
  rate: Type.Number(),
  currency: Type.String(),
  effective_from: DateOnly,
  created_by: Uuid,
  version: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type HourlyRate = Static<typeof HourlyRate>;

export const CreateRateBody = Type.Object({
  organization_id: Uuid,
  user_id: Uuid,
  project_id: Type.Optional(Nullable(Uuid)),
  rate: Rate,
  currency: Currency,
  effective_from: DateOnly,
});
export type CreateRateBody = Static<typeof CreateRateBody>;

export const UpdateRateBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  rate: Type.Optional(Rate),
  currency: Type.Optional(Currency),
  effective_from: Type.Optional(DateOnly),
});
export type UpdateRateBody = Static<typeof UpdateRateBody>;

export const RateParams = Type.Object({ id: Uuid });
export const RateListQuery = Type.Object(
  {
    organization_id: Type.Optional(Uuid),
    user_id: Type.Optional(Uuid),
    project_id: Type.Optional(Uuid),
    ...PageQuery,
  },
  Closed,
);
export type RateListQuery = Static<typeof RateListQuery>;
export const RatePage = PageOf(HourlyRate);

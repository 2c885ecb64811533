/** Validation of every API v2 response at the boundary (contract §1). */
import { z } from 'zod';

export const loginResponse = z.object({ token: z.string().regex(/^[0-9a-f]{16,64}$/i) });

/** A customer record: only `id` is required; every other key passes through in API order. */
export const customerRecord = z.looseObject({
  id: z.number().int().positive(),
  branch_ids: z.array(z.number()).optional(),
});

export const dictItem = z.looseObject({
  id: z.number().int(),
  name: z.string(),
});

export function envelope<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.coerce.number().int().nonnegative(),
    count: z.coerce.number().int().nonnegative().optional(),
    page: z.coerce.number().int().nonnegative().optional(),
    items: z.array(item),
  });
}

export const customerPage = envelope(customerRecord);
export const dictPage = envelope(dictItem);

/** Yii error body: `{"name","message","code","status"}`. */
export const yiiError = z.object({
  name: z.string(),
  message: z.string(),
  status: z.number().optional(),
});

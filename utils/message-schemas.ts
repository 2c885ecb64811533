/** Validation of what content scripts send: a page is not trusted to shape our store. */
import { z } from 'zod';
import { ERROR_CODES } from './errors';

const text = z.string().max(10_000);

export const uiCardSchema = z.object({
  id: z.number().int().positive(),
  name: text.optional(),
  date: text.optional(),
  subjects: text.optional(),
  leadSource: text.optional(),
  manager: text.optional(),
  rejectReason: text.optional(),
  archivedAt: text.optional(),
  extra: z.record(z.string().max(200), text).optional(),
});

export const exportTargetSchema = z.object({
  origin: z.string().url().max(300),
  branch: z.number().int().positive(),
  scope: z.enum(['archived-leads', 'archived-customers', 'all']),
});

export const uiBatchSchema = z.object({
  jobId: z.string().uuid(),
  origin: z.string().url().max(300),
  branch: z.number().int().positive(),
  kind: z.enum(['lead', 'customer']),
  items: z
    .array(
      z.object({
        card: uiCardSchema,
        columnId: z.number().int().nonnegative().nullable(),
        reasonText: text.nullable(),
      }),
    )
    .max(5_000),
});

export const uiReadSummarySchema = z.object({
  jobId: z.string().uuid(),
  expected: z.number().int().nonnegative(),
  ids: z.array(z.number().int().positive()).max(1_000_000),
});

const jobRef = {
  jobKey: z.string().max(400),
  runId: z.string().max(40),
  origin: z.string().url().max(300),
};

export const uiColumnSchema = z.object({
  ...jobRef,
  branch: z.number().int().positive(),
  columnId: z.number().int().nonnegative(),
  name: text,
  count: z.number().int().nonnegative(),
  cards: z.array(uiCardSchema).max(100_000),
});

export const uiDoneSchema = z.object({
  ...jobRef,
  expected: z.number().int().nonnegative(),
  counts: z.record(z.string().max(20), z.number().int().nonnegative()),
});

export const uiFailedSchema = z.object({
  ...jobRef,
  error: z.object({ code: z.enum(ERROR_CODES), message: text }),
});

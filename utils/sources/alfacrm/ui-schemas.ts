/** What a CRM tab reports is checked here: a page is not trusted to shape the store. */
import { z } from 'zod';

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
  createdAt: text.optional(),
  extra: z.record(z.string().max(200), text).optional(),
});

export const uiCards = z.array(uiCardSchema).max(100_000);

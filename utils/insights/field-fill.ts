/**
 * Insights for a source whose records carry custom fields but no reject reasons: per field, how
 * many records of a partition hold a value. A source's adapter counts from the store; nothing
 * here reads IndexedDB or names a CRM.
 */

/** One field's fill rate. */
export interface FieldFill {
  code: string;
  /** The field's name in the CRM; its code when no definition names it. */
  title: string;
  /** Whether the CRM still defines it (false: a code only records hold). */
  defined: boolean;
  /** Records holding a non-empty value. */
  filled: number;
  /** Records counted (those the partition's file holds). */
  total: number;
  /** filled ÷ total; null when there are no records. */
  share: number | null;
  /** Of the filled, how many the CRM showed masked, where the source can tell. */
  masked?: number;
}

export interface FieldFillData {
  /** Records counted. */
  total: number;
  /** Records with a masked value anywhere (a contact the user may not see), where the source can tell. */
  masked?: number;
  /** Defined fields in definition order, then codes no definition names, as first seen. */
  fields: FieldFill[];
}

/** One record's fields: code, whether it holds a value, whether that value was masked. */
export type RecordFields = Iterable<readonly [code: string, filled: boolean, masked?: boolean]>;

/** Counts fill rates over records added one at a time (a source reads its rows in chunks). */
export class FillTally {
  private readonly order: { code: string; title: string; defined: boolean }[] = [];
  private readonly counts = new Map<string, { filled: number; masked: number }>();
  private total = 0;
  private maskedRecords = 0;

  constructor(
    defined: { code: string; title: string }[],
    /** What the source can tell of masks: `masked` is left out where it cannot. */
    private readonly masks: { records?: boolean; values?: boolean } = {},
  ) {
    for (const d of defined) this.field(d.code, d.title, true);
  }

  private field(code: string, title: string, defined: boolean) {
    let c = this.counts.get(code);
    if (!c) {
      this.counts.set(code, (c = { filled: 0, masked: 0 }));
      this.order.push({ code, title, defined });
    }
    return c;
  }

  add(fields: RecordFields, masked = false): void {
    this.total++;
    if (masked) this.maskedRecords++;
    for (const [code, filled, m] of fields) {
      // A code seen on a record counts as a column even when empty there: the file has it too.
      const c = this.field(code, code, false);
      if (!filled) continue;
      c.filled++;
      if (m) c.masked++;
    }
  }

  result(): FieldFillData {
    const total = this.total;
    const fields = this.order.map(({ code, title, defined }): FieldFill => {
      const c = this.counts.get(code)!;
      const f: FieldFill = { code, title: title.trim() || code, defined, filled: c.filled, total, share: total ? c.filled / total : null };
      if (this.masks.values) f.masked = c.masked;
      return f;
    });
    return this.masks.records ? { total, masked: this.maskedRecords, fields } : { total, fields };
  }
}

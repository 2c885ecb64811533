/** What LiveTex's source keeps: who pulled, and each lead as merged across identities and pulls. */

/** Where an identity's token comes from: the cabinet tab's session, or the account saved in the options. */
export type Slot = 'cabinet' | 'account';

/** An employee whose token pulls leads (contract §1.3). */
export interface Identity {
  slot: Slot;
  employeeId: number;
  /** Role code (`operator`, `admin`, …); `unknown` when the API named none. */
  role: string;
  /** `First Last (id)`. */
  name: string;
  /** Any role but admin/admin_partner: LiveTex may withhold texts from it. */
  restricted: boolean;
}

/** A lead row as Leads.list gave it, its id made a number. */
export type LeadRow = Record<string, unknown> & { id: number };

/** The two fields LiveTex withholds from restricted roles (contract §1.5). */
export const TEXT_KEYS = ['text', 'answer_text'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/** A text as merged: a value some identity received, or hidden from every identity so far. */
export type TextState =
  | {
      visible: true;
      /** As received: a string, or null / "" when really empty. */
      value: unknown;
      /** The lead's `updated_at` in the row the value came with. */
      leadUpdatedAt: string | null;
      /** When that row was pulled (ISO). */
      pulledAt: string;
    }
  | {
      visible: false;
      /** Role codes of the identities that got it hidden, in the order they first did. */
      hiddenFrom: string[];
    };

/** One identity's relation to a lead. */
export interface PullMark {
  employeeId: number;
  role: string;
  name: string;
  /** False once a complete pull of this identity no longer listed the lead (its data is kept). */
  listed: boolean;
}

/** A stored lead (RecordRow.api). */
export interface LeadFacts {
  /** The lead as last received (latest `updated_at`, then latest pull), without its texts. */
  lead: Record<string, unknown>;
  texts: Record<TextKey, TextState>;
  /** Identities that received the lead, in the order they first did. */
  pulls: PullMark[];
}

/** AlfaCRM's types, shared by its parsers, its facts in the store, the merge and the file. */

/** One API v2 customer record as the API returned it (keys in API order). */
export type ApiRecord = { id: number } & Record<string, unknown>;

/** What one lead card on the board (or one archive grid row) shows. */
export interface UiCard {
  id: number;
  name?: string;
  /** `dd.mm` as printed on the card (no year). */
  date?: string;
  subjects?: string;
  leadSource?: string;
  manager?: string;
  /** Reject reason text, when the card itself shows one (archive only, optional). */
  rejectReason?: string;
  /** Archive date as the page prints it, when shown. */
  archivedAt?: string;
  /** When the record was added, as a grid prints it («Додано»/«Добавлен», `DD.MM.YYYY`), when shown. */
  createdAt?: string;
  /** Other labelled values (grid columns by header label). */
  extra?: Record<string, string>;
}

/** A board column as the page declares it (before its XHR is loaded). */
export interface BoardColumnRef {
  columnId: number;
  /** Absolute or root-relative `data-url` of the column's XHR. */
  url: string;
}

/** A loaded board column (first XHR) or the next chunk (pager XHR). */
export interface BoardChunk {
  cards: UiCard[];
  /** The `crm-scroll-pager` URL when more cards exist, else null. */
  pagerUrl: string | null;
}

export interface BoardColumn extends BoardChunk {
  columnId: number;
  name: string;
  /** The column's `board-count`: how many cards it holds in all. */
  count: number;
}

export type RecordKind = 'lead' | 'customer';

/** What the UI told us about one record. */
export interface UiFacts {
  branch: number;
  kind: RecordKind;
  archived: boolean;
  /** Board column (= reject reason id in the archive board); null for grid rows. */
  columnId: number | null;
  /** Column title (= reason text in the archive board) or the grid's reason cell. */
  reasonText: string | null;
  card: UiCard;
  seenAt: string;
  /** When a read first found it in the archive (kept while it stays there): the fallback archive date. */
  archivedSeenAt?: string;
}

/** What the API told us about one record. */
export interface ApiFacts {
  record: ApiRecord;
  /** Whether the record came from a `removed=2` query (the only trustworthy archive signal). */
  archived: boolean;
  fetchedAt: string;
  /** When a read first found it archived (kept while it stays so): the fallback archive date. */
  archivedSeenAt?: string;
  /** No list of the account shows it any more (deleted in the CRM): kept, never exported. */
  gone?: boolean;
}

/** A record's facts as the store keeps them (the engine's row holds them as `api` and `ui`). */
export interface StoredRecord {
  id: number;
  api?: ApiFacts;
  ui?: UiFacts;
}

/** Id → text dictionaries from the API. */
export interface Dictionaries {
  leadReject: Record<number, string>;
  customerReject: Record<number, string>;
  leadStatus: Record<number, string>;
  leadSource: Record<number, string>;
}

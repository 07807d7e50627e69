// Wire types of the SmartPost API, copied from the C# records (camelCase JSON, enums as strings):
// Api/Guidance/Suggestion.cs, Api/Dispatch/DispatchContracts.cs, Api/Replies/ReplyViews.cs, Api/Teams/*.cs.

export type ReplyOption = "WithReply" | "WithoutReply" | "PhysicalMail";
export type RecipientIdType = "CPR" | "CVR";
export type Severity = "Error" | "Warning" | "Info";
export type FlagKind = "AccessToRecordsRequest" | "Complaint" | "DeadlineExtensionRequest" | "SelfServiceExemptionRequest";

/** Certain: the rules confirm it. Possible: partial evidence or the model's opinion; the caseworker checks it. */
export type Certainty = "Certain" | "Possible";

/** The stable check codes of GuidanceChecks.cs. */
export type CheckCode =
  | "MissingComplaintGuidance"
  | "ComplaintGuidanceInWithdrawal"
  | "ChosenOptionContradictsSuggestion"
  | "QuestionWithoutReplyOption"
  | "RecipientExempt"
  | "RecipientStatusUnknown"
  | "SelfServiceForExemptRecipient";

export interface Recipient {
  idType: RecipientIdType;
  id: string;
  digitalPostExempt?: boolean | null;
  specialLawMandatesDigitalPost?: boolean | null;
}

/** POST /api/v1/reply-options/suggest. chosenOption is WithReply, WithoutReply or null (PhysicalMail → 400). */
export interface SuggestRequest {
  documentTitle: string;
  documentType: string | null;
  text: string;
  recipient: Recipient | null;
  caseClosed: boolean | null;
  chosenOption: "WithReply" | "WithoutReply" | null;
}

/** Guidance evidence: offsets into the original title/text/documentType. */
export interface Evidence {
  field: "documentTitle" | "text" | "documentType" | string;
  text: string;
  start: number;
  length: number;
  rule: string;
}

export interface Check {
  code: CheckCode | string;
  severity: Severity;
  message: string;
  /** The sentences the check is about (a klagevejledning in a withdrawal, the question asked), for highlighting. */
  evidence?: Evidence[];
  /** The kind of letter the check is about: for a missing klagevejledning, whose standard text to insert. */
  kind?: string | null;
}

/** GET /api/v1/complaint-guidance/templates/{kind}?team=…: the heading first, then the paragraphs. */
export interface ComplaintGuidanceTemplate {
  kind: string;
  team: string | null;
  appealBody: string;
  deadlineWeeks: number;
  paragraphs: string[];
}

export interface MatchedRule {
  id: string;
  category: string;
  name: string;
  guidelineLine: string;
}

export interface Suggestion {
  recommendation: ReplyOption;
  material: string;
  category: string;
  replyOption: ReplyOption;
  conflict: boolean;
  complaintGuidanceFound: boolean;
  reasons: string[];
  checks: Check[];
  evidence: Evidence[];
  matchedRule: MatchedRule;
}

export interface DispatchRequest {
  documentId: string;
  caseNumber: string;
  documentTitle: string;
  recipient: { idType: RecipientIdType; id: string; name: string };
  suggestedOption: ReplyOption;
  chosenOption: ReplyOption;
  overrideReason: string | null;
  replyBy: string | null;
  letter: { fileName: string; contentType: string; contentBase64: string };
  category: string | null;
  team: string | null;
  /** True to send the same letter version again on purpose; needs resendReason. */
  resend?: boolean | null;
  resendReason?: string | null;
}

export interface DispatchResponse {
  dispatchId: string;
  messageUuid: string;
  documentId: string;
  caseNumber: string;
  documentTitle: string;
  recipient: { idType: RecipientIdType; id: string; name: string };
  suggestedOption: ReplyOption;
  chosenOption: ReplyOption;
  overrideReason: string | null;
  replyBy: string | null;
  team: string | null;
  category: string | null;
  createdBy: string;
  createdAt: string;
  memoXml: string;
  /** Set when this POST repeated an earlier dispatch ("Allerede sendt … af …"): nothing new was recorded. */
  notice?: string | null;
}

/** Evidence of a reply flag (screening): offsets into the reply's text or subject. */
export interface FlagEvidence {
  text: string;
  start: number;
  length: number;
  field: string;
}

/** A caseworker's verdict on a finding (Api/Corrections/FindingCorrection.cs). */
export type CorrectionVerdict = "Confirmed" | "Rejected" | "Added";

/** The current correction stored on a flag: who said what, and when. */
export interface FlagCorrection {
  verdict: CorrectionVerdict;
  by: string;
  byName: string;
  at: string;
  note: string | null;
}

export interface Flag {
  kind: FlagKind | string;
  subKind: string | null;
  evidence: FlagEvidence[];
  dueDate: string | null;
  rule: string;
  deadlines: Array<{ date: string; rule: string; code: string }>;
  inTime: boolean | null;
  certainty?: Certainty;
  /** Why a Possible flag may be one (Danish). */
  reason?: string | null;
  /** The current correction; a Rejected flag is shown but is no longer an open finding. */
  correction?: FlagCorrection | null;
  /** "Caseworker" for a kind added by hand; absent for the screening's own findings. */
  origin?: "Caseworker" | null;
}

export interface FlagSummary {
  kind: FlagKind | string;
  subKind: string | null;
  dueDate: string | null;
  certainty?: Certainty;
  /** The current correction's verdict, null when nobody corrected the flag. */
  verdict?: CorrectionVerdict | null;
}

/** POST /api/v1/replies/{id}/corrections (If-Match: the reply's ETag); answers with the updated ReplyDetail. */
export interface CorrectionRequest {
  kind: FlagKind;
  verdict: CorrectionVerdict;
  note?: string | null;
}

/** One line of GET /api/v1/replies/{id}/history (oldest first); detail is Danish. */
export interface ReplyHistoryEntry {
  at: string;
  actor: string;
  kind: string;
  detail: string | null;
}

export interface CertaintyCorrections {
  certainty: Certainty;
  found: number;
  confirmed: number;
  rejected: number;
  precision: number | null;
}

/** Measured in production: precision = confirmed / (confirmed + rejected), recall = not rejected / (not rejected + added). */
export interface KindCorrections {
  kind: FlagKind;
  found: number;
  confirmed: number;
  rejected: number;
  added: number;
  unreviewed: number;
  precision: number | null;
  recall: number | null;
  perCertainty: CertaintyCorrections[];
}

/** GET /api/v1/teams/{team}/statistics/corrections (team leads). */
export interface CorrectionStatistics {
  team: string;
  from: string;
  to: string;
  months: Array<{ month: string; kinds: KindCorrections[] }>;
  total: KindCorrections[];
}

export interface DoneBy {
  by: string;
  at: string;
}

export interface ClaimView {
  by: string;
  since: string;
  expiresAt: string;
}

export type MetadataSync = "Synced" | "PendingSync" | "Failed";

/** Fields the list row and the detail share (what the claim/handled views need). */
export interface ReplyState {
  id: number;
  team: string;
  caseNumber: string | null;
  receivedAt: string;
  subject: string | null;
  dueDate: string | null;
  needsManualScreening: boolean;
  screened: DoneBy | null;
  claim: ClaimView | null;
  handled: DoneBy | null;
  eTag: string;
}

/** GET /api/v1/replies/{id}. */
export interface ReplyDetail extends ReplyState {
  messageUuid: string | null;
  documentId: string | null;
  label: string | null;
  text: string;
  sender: { idType: string | null; id: string | null };
  flags: Flag[];
  metadataSync: MetadataSync | null;
}

/** One row of GET /api/v1/teams/{team}/replies (sender CPR masked, no text). */
export interface ReplyListItem extends ReplyState {
  sender: { idType: string | null; id: string | null };
  flags: FlagSummary[];
  routing: string;
  routingReason: string;
}

export interface FlagTotals {
  all: number;
  accessToRecordsRequest: number;
  complaint: number;
  deadlineExtensionRequest: number;
  needsManualScreening: number;
  unscreened: number;
}

export interface InboxPage {
  team: string;
  status: string;
  items: ReplyListItem[];
  nextCursor: string | null;
  totals: FlagTotals;
  screeningEstimateMinutes: number;
  screeningWindow: { from: string; to: string } | null;
  /** Today's screener from the team's rota; only with screening=yesterday, null when the team has no rota. */
  screener?: InboxScreener | null;
}

/** Who screens today ("postkassevagt"); texts are Danish / English from the API. */
export interface InboxScreener {
  person: string | null;
  isSubstitute: boolean;
  reason: string;
  scheduled: string | null;
  because: string | null;
}

export interface IngestResult {
  id: number;
  created: boolean;
  team: string;
  caseNumber: string | null;
  flags: FlagSummary[];
}

export interface SavedSearch {
  id: number;
  team: string;
  name: string;
  terms: Array<{ term: string; variants: string[] | null }>;
  flag: string | null;
  status: string;
  responsible: string | null;
  substitute: string | null;
}

export interface SearchResults {
  search: SavedSearch;
  items: Array<{ reply: ReplyListItem; matchedTerms: string[] }>;
  total: number;
}

/** POST /api/v1/screening/analyze (feat/screening; not on main yet). */
export interface AnalyzeResult {
  flags: Flag[];
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/** GET /api/v1/workzone/status: summary is the Danish dashboard line ("WorkZone: hentet 09.14, 0 i kø"). */
export interface WorkZoneStatus {
  configured: boolean;
  summary: string | null;
  authAlert: { since: string; message: string } | null;
  writesRefused: number;
}

/** GET /api/v1/workzone/writes/failed: a write WorkZone refused, with its reason in Danish. */
export interface FailedWorkZoneWrite {
  id: number;
  replyId: number;
  documentId: string;
  subject: string | null;
  kind: string;
  reason: string | null;
}

/** GET /api/v1/replies/{id}/sync: whether "SmartPost behandlet" reached WorkZone, and in Danish why not. */
export interface ReplySync {
  state: MetadataSync | null;
  message: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  /** A refused write to put back in the queue with POST /api/v1/workzone/writes/{id}/retry. */
  failedWriteId: number | null;
}

/** GET /api/v1/teams/{team}/statistics (team leads): the period's counts, per day and per handling time. */
export interface TeamStatistics {
  team: string;
  from: string;
  to: string;
  received: number;
  handled: number;
  unhandled: number;
  perFlag: { accessToRecordsRequest: number; complaint: number; deadlineExtensionRequest: number; needsManualScreening: number };
  overdue: number;
  handledLate: number;
  medianHandlingHours: number | null;
  screeningMinutesPerDay: Array<{ date: string; replies: number; minutes: number }>;
  screeningMinutesTotal: number;
  /** Handled replies by hours from received to handled; upToHours null is the open last bucket. */
  handlingTimes: Array<{ upToHours: number | null; count: number }>;
}

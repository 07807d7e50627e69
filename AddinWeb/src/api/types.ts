// Wire types of the SmartPost API, as the panes name them. The shapes come from schema.d.ts, which `npm run gen:types`
// generates from openapi.json, the API's own Swagger document (tests fail when either is stale; see
// scripts/update-openapi.sh). Only where the document says less than the API promises is a type narrowed or kept here,
// each with the reason: the C# record carries a known value as a plain string, a field is stored JSON the document
// describes as "any", or a record-typed property may be null (OpenAPI 3.0 cannot mark a $ref nullable, so the
// document shows `claim: ClaimView` where the API sends `claim: null` for an unclaimed reply).
import type { components } from "./schema";

type Schemas = components["schemas"];

export type ReplyOption = Schemas["Guidance.ReplyOption"];
export type RecipientIdType = Schemas["Recipients.RecipientIdType"];
export type Severity = Schemas["Guidance.CheckSeverity"];
export type FlagKind = Schemas["Screening.FlagKind"];

/** Certain: the rules confirm it. Possible: partial evidence or the model's opinion; the caseworker checks it. */
export type Certainty = Schemas["Screening.Certainty"];

/** A caseworker's verdict on a finding. */
export type CorrectionVerdict = Schemas["Corrections.CorrectionVerdict"];

/** The stable check codes of GuidanceChecks.cs: constants there, a plain string in the API's document. */
export type CheckCode =
  | "MissingComplaintGuidance"
  | "ComplaintGuidanceInWithdrawal"
  | "ChosenOptionContradictsSuggestion"
  | "CategoryUncertain"
  | "QuestionWithoutReplyOption"
  | "RecipientExempt"
  | "RecipientStatusUnknown"
  | "SelfServiceForExemptRecipient";

export type Recipient = Schemas["Guidance.SuggestRecipient"];

/**
 * POST /api/v1/reply-options/suggest. The document allows any ReplyOption; the API answers PhysicalMail with 400.
 * recipient may be null (no recipient known yet).
 */
export type SuggestRequest = Omit<Schemas["Guidance.SuggestRequest"], "chosenOption" | "recipient"> & {
  recipient?: Recipient | null;
  chosenOption?: "WithReply" | "WithoutReply" | null;
};

/** Guidance evidence: offsets into the original title/text/documentType. */
export type Evidence = Schemas["Guidance.Evidence"];
/** kind (whose standard klagevejledning to insert) is null for checks about something else. */
export type Check = Omit<Schemas["Guidance.GuidanceCheck"], "kind"> & { kind: Schemas["Guidance.GuidanceCategory"] | null };
/** GET /api/v1/complaint-guidance/templates/{kind}?team=…: the heading first, then the paragraphs. */
export type ComplaintGuidanceTemplate = Schemas["Guidance.ComplaintGuidanceTemplate"];
export type MatchedRule = Schemas["Guidance.MatchedRule"];
export type Suggestion = Omit<Schemas["Guidance.Suggestion"], "checks"> & { checks: Check[] };

export type DispatchRequest = Schemas["Dispatch.DispatchRequest"];
/** notice is set when this POST repeated an earlier dispatch ("Allerede sendt … af …"): nothing new was recorded. */
export type DispatchResponse = Schemas["Dispatch.DispatchResponse"];

/** Evidence of a reply flag (screening): offsets into the reply's text or subject. */
export type FlagEvidence = Schemas["Screening.Evidence"];

/**
 * The current correction stored on a flag. Kept by hand: ReplyDetail.flags is the stored flags JSON, which the API's
 * document describes only as "any".
 */
export interface FlagCorrection {
  verdict: CorrectionVerdict;
  by: string;
  byName: string;
  at: string;
  note: string | null;
}

/**
 * One stored flag of GET /api/v1/replies/{id}: the screening's flag plus its correction. Kept by hand for the same
 * reason as FlagCorrection; certainty and reason are optional because flags stored before they existed lack them.
 */
export interface Flag {
  kind: FlagKind | string;
  subKind: string | null;
  evidence: FlagEvidence[];
  dueDate: string | null;
  rule: string;
  deadlines: Array<Schemas["Screening.DueDate"]>;
  inTime: boolean | null;
  certainty?: Certainty;
  /** Why a Possible flag may be one (Danish). */
  reason?: string | null;
  /** The current correction; a Rejected flag is shown but is no longer an open finding. */
  correction?: FlagCorrection | null;
  /** "Caseworker" for a kind added by hand; absent for the screening's own findings. */
  origin?: "Caseworker" | null;
}

/** The API writes certainty and verdict as strings (stored values); they are always one of the known ones. */
export type FlagSummary = Omit<Schemas["Replies.FlagSummary"], "certainty" | "verdict"> & {
  certainty: Certainty;
  verdict: CorrectionVerdict | null;
};

/** POST /api/v1/replies/{id}/corrections (If-Match: the reply's ETag); answers with the updated ReplyDetail. */
export type CorrectionRequest = Schemas["Corrections.CorrectionRequest"];

/** One line of GET /api/v1/replies/{id}/history (oldest first); detail is Danish. */
export type ReplyHistoryEntry = Schemas["Replies.ReplyHistoryEntry"];

/** certainty is a string in the statistics record; it is always one of the tiers. */
export type CertaintyCorrections = Omit<Schemas["Corrections.CertaintyCorrections"], "certainty"> & { certainty: Certainty };

/** Measured in production: precision = confirmed / (confirmed + rejected), recall = not rejected / (not rejected + added). */
export type KindCorrections = Omit<Schemas["Corrections.KindCorrections"], "kind" | "perCertainty"> & {
  kind: FlagKind;
  perCertainty: CertaintyCorrections[];
};

/** GET /api/v1/teams/{team}/statistics/corrections (team leads). */
export type CorrectionStatistics = Omit<Schemas["Corrections.CorrectionStatisticsResponse"], "months" | "total"> & {
  months: Array<{ month: string; kinds: KindCorrections[] }>;
  total: KindCorrections[];
};

export type DoneBy = Schemas["Replies.DoneBy"];
export type ClaimView = Schemas["Replies.ClaimView"];

/** Whether "SmartPost behandlet" reached WorkZone: a string in the API's views, always one of these. */
export type MetadataSync = "Synced" | "PendingSync" | "Failed";

/** Screened, claimed and handled are null until someone screens, claims or handles the reply. */
interface ReplyProgress {
  screened: DoneBy | null;
  claim: ClaimView | null;
  handled: DoneBy | null;
}

/** One row of GET /api/v1/teams/{team}/replies (sender CPR masked, no text). */
export type ReplyListItem = Omit<Schemas["Replies.ReplyListItem"], "flags" | keyof ReplyProgress> & ReplyProgress & {
  flags: FlagSummary[];
};

/** Fields the list row and the detail share (what the claim/handled views need); no record of its own in the API. */
export type ReplyState = Pick<ReplyListItem,
  "id" | "team" | "caseNumber" | "receivedAt" | "subject" | "dueDate" | "needsManualScreening" | "screened" | "claim" | "handled" | "eTag">;

/** GET /api/v1/replies/{id}: flags is the stored JSON ("any" in the document), typed here as Flag. */
export type ReplyDetail = Omit<Schemas["Replies.ReplyDetail"], "flags" | "metadataSync" | keyof ReplyProgress> & ReplyProgress & {
  flags: Flag[];
  metadataSync: MetadataSync | null;
};

export type FlagTotals = Schemas["Teams.FlagTotals"];
/** Who screens today ("postkassevagt"). */
export type InboxScreener = Schemas["Teams.InboxScreener"];

/** screeningWindow and screener are null outside the screening list (and screener when the team has no rota). */
export type InboxPage = Omit<Schemas["Teams.InboxPage"], "items" | "screeningWindow" | "screener"> & {
  items: ReplyListItem[];
  screeningWindow: Schemas["Teams.TimeWindow"] | null;
  screener: InboxScreener | null;
};

export type IngestResult = Omit<Schemas["Replies.IngestResult"], "flags"> & { flags: FlagSummary[] };

export type SavedSearch = Schemas["Teams.SavedSearchView"];

export type SearchResults = Omit<Schemas["Teams.SearchResults"], "items"> & {
  items: Array<{ reply: ReplyListItem; matchedTerms: string[] }>;
};

/** POST /api/v1/screening/analyze. */
export type AnalyzeResult = Schemas["Screening.AnalyzeResponse"];

/**
 * RFC 7807 problem details as they arrive. Kept by hand: the document's ProblemDetails has an "extensions" object,
 * but the API writes extensions (holder, since, …) as top-level members.
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/** GET /api/v1/workzone/status: summary is the Danish dashboard line ("WorkZone: hentet 09.14, 0 i kø"). */
export type WorkZoneStatus = Omit<Schemas["WorkZone.WorkZoneStatusView"], "authAlert"> & {
  /** Null while WorkZone accepts the API's credentials. */
  authAlert: Schemas["WorkZone.WorkZoneAuthAlert"] | null;
};

/** GET /api/v1/workzone/writes/failed: a write WorkZone refused, with its reason in Danish. */
export type FailedWorkZoneWrite = Schemas["WorkZone.FailedWorkZoneWrite"];

/** GET /api/v1/replies/{id}/sync: whether "SmartPost behandlet" reached WorkZone, and in Danish why not. */
export type ReplySync = Omit<Schemas["WorkZone.ReplySyncView"], "state"> & { state: MetadataSync | null };

/** GET /api/v1/teams/{team}/statistics (team leads): the period's counts, per day and per handling time. */
export type TeamStatistics = Schemas["Teams.TeamStatisticsResponse"];

/** GET /api/v1/me: who the caller is; teamLead is the app role (team leads may take over a colleague's claim). */
export type Me = Schemas["Identity.MeResponse"];
export type TakeOverRequest = Schemas["Replies.TakeOverRequest"];

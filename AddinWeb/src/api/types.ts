// Wire types of the SmartPost API (issues 2 and 3): camelCase JSON, enums as strings.

export type ReplyOption = "WithReply" | "WithoutReply" | "PhysicalMail";
export type RecipientIdType = "CPR" | "CVR";
export type Severity = "Info" | "Warning" | "Error";
export type FlagKind = "AccessToRecordsRequest" | "Complaint" | "DeadlineExtensionRequest";

export interface Recipient {
  idType: RecipientIdType;
  id: string;
  digitalPostExempt?: boolean | null;
  specialLawMandatesDigitalPost?: boolean | null;
}

export interface SuggestRequest {
  documentTitle: string;
  documentType: string | null;
  text: string;
  recipient: Recipient | null;
  caseClosed: boolean | null;
  chosenOption: ReplyOption | null;
}

export interface Evidence {
  text: string;
  start: number;
  length: number;
  field?: string;
}

export interface Check {
  code: string;
  severity: Severity | string;
  message?: string;
  text?: string;
}

export interface Suggestion {
  recommendation: ReplyOption;
  category: string;
  conflict: boolean;
  reasons: Array<string | { rule?: string; guideline?: string; text?: string }>;
  checks: Check[];
  evidence: Evidence[];
  material?: string;
  rule?: string;
  guidelineText?: string;
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
}

export interface DispatchResult {
  dispatchId: string;
  memoXml: string;
}

export interface Flag {
  kind: FlagKind | string;
  evidence: Evidence[];
  dueDate: string | null;
  rule: string;
}

export interface AnalyzeResult {
  flags: Flag[];
}

export interface Claim {
  by?: string;
  claimedBy?: string;
  since?: string;
  claimedAt?: string;
  expiresAt?: string;
}

export interface Reply {
  id: string;
  documentId?: string | null;
  caseNumber?: string | null;
  team?: string | null;
  receivedAt?: string;
  subject?: string | null;
  text?: string | null;
  flags: Flag[];
  claim?: Claim | null;
  handled?: { by?: string; handledBy?: string; at?: string; handledAt?: string } | null;
  handledBy?: string | null;
  handledAt?: string | null;
  screened?: boolean | null;
  screenedAt?: string | null;
  syncStatus?: string | null;
  pendingSync?: boolean | null;
  unlinked?: boolean | null;
  etag?: string;
}

export interface ReplyPage {
  items: Reply[];
  nextCursor?: string | null;
  totals?: Record<string, number>;
  total?: number;
  screeningEstimateMinutes?: number;
  estimatedScreeningMinutes?: number;
}

export interface SavedSearch {
  id: string;
  name: string;
  terms?: string[];
  responsible?: string;
  substitute?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

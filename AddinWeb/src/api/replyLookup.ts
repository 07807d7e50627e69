import type { ApiClient } from "./client";
import type { InboxPage, ReplyDetail } from "./types";

/** What the open document or mail tells about the reply it may be. */
export interface ReplyHint {
  /** WorkZone document id (Word) or the mail's internetMessageId (Outlook): ReplyDetail.documentId. */
  documentId: string;
  caseNumber?: string | null;
  subject?: string | null;
}

const pageSize = 200;
const maxPages = 5;
const maxDetailFetches = 20;

/**
 * Finds the registered reply for a document. main has no lookup by document id (only GET /replies/{id}) and the
 * inbox rows carry no documentId, so: walk the team inbox (status=all, newest pages first, bounded), keep rows whose
 * case number or subject match the hint, and compare documentId on their details. Replace with a direct lookup
 * endpoint when the replies feature offers one.
 */
export async function findReply(api: ApiClient, team: string, hint: ReplyHint): Promise<ReplyDetail | null> {
  const candidates: number[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages && candidates.length < maxDetailFetches; page++) {
    const query = new URLSearchParams({ status: "all", limit: String(pageSize) });
    if (cursor) query.set("cursor", cursor);
    const body: InboxPage = (await api.request<InboxPage>(`/api/v1/teams/${encodeURIComponent(team)}/replies?${query.toString()}`)).body;
    for (const item of body.items) {
      const sameCase = !!hint.caseNumber && item.caseNumber === hint.caseNumber;
      const sameSubject = !!hint.subject && normalize(item.subject) === normalize(hint.subject);
      if (sameCase || sameSubject) candidates.push(item.id);
    }
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  for (const id of candidates.slice(0, maxDetailFetches)) {
    const detail = (await api.request<ReplyDetail>(`/api/v1/replies/${id}`)).body;
    if (detail.documentId === hint.documentId) return detail;
  }
  return null;
}

function normalize(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim().toLowerCase();
}

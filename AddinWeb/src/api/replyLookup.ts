import { ApiError, type ApiClient } from "./client";
import type { ReplyDetail } from "./types";

/** What the open document or mail tells about the reply it may be. */
export interface ReplyHint {
  /** WorkZone document id (Word) or the mail's internetMessageId (Outlook): ReplyDetail.documentId. */
  documentId: string;
}

/**
 * The registered reply for a document, by GET /api/v1/replies?documentId= (one index seek on the server). null
 * when no reply has that document id (404) or it belongs to another team (403): either way the pane has nothing
 * to show but the unregistered view. Other failures (API down) are thrown for the caller to report.
 */
export async function findReply(api: ApiClient, hint: ReplyHint): Promise<ReplyDetail | null> {
  try {
    return (await api.request<ReplyDetail>(`/api/v1/replies?documentId=${encodeURIComponent(hint.documentId)}`)).body;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

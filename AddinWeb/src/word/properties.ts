/** Document custom properties the add-in reads and writes (WordApi 1.3). */
export const Props = {
  replyOption: "SmartPostSvarmulighed",
  handled: "SmartPostBehandlet",
  handledAt: "SmartPostBehandletDato",
  handledBy: "SmartPostBehandletAf",
  replyId: "SmartPostSvarId",
  recipientId: "SmartPostModtagerId",
  recipientName: "SmartPostModtagerNavn",
} as const;

/** Where WorkZone for Office / the merge puts document id, case number and document type (first match wins). */
export const WorkZoneProps = {
  documentId: ["WorkZoneDocumentId", "DocumentId", "Dokumentnummer"],
  caseNumber: ["WorkZoneCaseNumber", "CaseNumber", "Sagsnummer"],
  documentType: ["WorkZoneDocumentType", "DocumentType", "Dokumenttype"],
} as const;

export const allKnownProperties: string[] = [
  ...Object.values(Props),
  ...WorkZoneProps.documentId,
  ...WorkZoneProps.caseNumber,
  ...WorkZoneProps.documentType,
];

/** Desktop Word truncates string property values to 255 characters (REFERENCE.md); keep ours inside that. */
export function propertyValue(value: string): string {
  return value.length <= 255 ? value : value.slice(0, 255);
}

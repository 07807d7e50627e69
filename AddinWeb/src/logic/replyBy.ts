const months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

const deadline = new RegExp(
  String.raw`\bsenest\s+(?:den\s+)?(\d{1,2})\.\s*(${months.join("|")})(?:\s+(\d{4}))?` + "|" + String.raw`\bsenest\s+(?:den\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})`,
  "iu",
);

/**
 * The reply deadline a letter states ("… senest den 15. december 2026", "senest 3.1.2027"), as yyyy-MM-dd for the
 * dispatch's replyBy, or null when the letter names none, the date is not a real one or it has passed. A date
 * without a year is the next such date from today.
 */
export function replyByFromLetter(text: string, today: Date = new Date()): string | null {
  const match = deadline.exec(text);
  if (!match) return null;
  const [day, month, year] = match[1]
    ? [Number(match[1]), months.indexOf(match[2]!.toLowerCase()) + 1, match[3] ? Number(match[3]) : null]
    : [Number(match[4]), Number(match[5]), Number(match[6])];
  const todayIso = iso(today.getFullYear(), today.getMonth() + 1, today.getDate());
  const candidate = (y: number): string | null => (isRealDate(y, month, day) ? iso(y, month, day) : null);
  let date = candidate(year ?? today.getFullYear());
  if (year === null && date !== null && date < todayIso) date = candidate(today.getFullYear() + 1);
  return date !== null && date >= todayIso ? date : null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

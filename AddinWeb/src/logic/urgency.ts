/**
 * How urgent a due date is for the dashboard's colours: overdue, due within 2 working days, or later. Working days
 * are Monday–Friday except the Danish public holidays (the API's DanishHolidays, without the optional days off).
 */
export type Urgency = "overdue" | "soon" | "later" | "none";

/** Working days at most this far away count as "soon" (amber). */
export const soonWorkingDays = 2;

export function urgencyOf(dueDate: string | null | undefined, today: Date): Urgency {
  if (!dueDate || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) return "none";
  const from = localIso(today);
  if (dueDate < from) return "overdue";
  return workingDaysBetween(from, dueDate) <= soonWorkingDays ? "soon" : "later";
}

/** Working days after `from` up to and including `to` (both yyyy-MM-dd): tomorrow → 1 on a Monday, 0 for today. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  const day = parse(from);
  const end = parse(to).getTime();
  // Stops counting past a week of working days: beyond that every date is "later" anyway.
  while (day.getTime() < end && count <= soonWorkingDays + 5) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isWorkingDay(day)) count++;
  }
  return day.getTime() < end ? Number.POSITIVE_INFINITY : count;
}

export function isWorkingDay(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(day);
}

function isHoliday(day: Date): boolean {
  const [m, d] = [day.getUTCMonth() + 1, day.getUTCDate()];
  if ((m === 1 && d === 1) || (m === 12 && (d === 25 || d === 26))) return true;
  const offset = Math.round((day.getTime() - easterSunday(day.getUTCFullYear()).getTime()) / 86_400_000);
  // Skærtorsdag, langfredag, påskedag, 2. påskedag, store bededag (until 2023), Kristi himmelfart, pinse, 2. pinsedag.
  return [-3, -2, 0, 1, 39, 49, 50].includes(offset) || (offset === 26 && day.getUTCFullYear() <= 2023);
}

/** Easter Sunday (anonymous Gregorian computus), as the API computes it. */
function easterSunday(year: number): Date {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

function parse(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Today in Denmark as yyyy-MM-dd (the caseworker's calendar, whatever the machine's zone). */
export function localIso(now: Date): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
}

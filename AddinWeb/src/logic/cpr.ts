const digitsOf = (cpr: string): string => cpr.replace(/\D/g, "");

/**
 * A CPR number as the team list shows it: birth date kept, serial hidden ("010190-****"). The API masks the list the
 * same way (RecipientId.MaskCpr); the reading pane gets the full number and masks it here until the caseworker asks.
 */
export function maskCpr(cpr: string): string {
  const digits = digitsOf(cpr);
  return digits.length === 10 ? `${digits.slice(0, 6)}-****` : "**********";
}

/** The full number the way caseworkers write it, "010190-1234"; anything else as it came. */
export function formatCpr(cpr: string): string {
  const digits = digitsOf(cpr);
  return digits.length === 10 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : cpr;
}

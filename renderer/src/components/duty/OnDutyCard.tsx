/** Who is on duty now, for the home page (being built). */
export function OnDutyCard() {
  return null;
}

/** Today's date in Morocco (Africa/Casablanca), as YYYY-MM-DD. */
export function todayInMorocco(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

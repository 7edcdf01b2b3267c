/**
 * Epoch seconds -> ISO 8601 (UTC) without `Date`, so the engine never touches the host's clock or zone.
 * Days-to-civil conversion after Howard Hinnant's algorithm.
 */
export function isoFromEpochSeconds(epochSeconds: number, withMillis = false): string {
  const totalMs = Math.round(epochSeconds * 1000);
  const days = Math.floor(totalMs / 86_400_000);
  const msOfDay = totalMs - days * 86_400_000;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(msOfDay / 3_600_000);
  const m = Math.floor((msOfDay % 3_600_000) / 60_000);
  const s = Math.floor((msOfDay % 60_000) / 1000);
  const millis = withMillis ? `.${pad(msOfDay % 1000, 3)}` : '';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(m)}:${pad(s)}${millis}Z`;
}

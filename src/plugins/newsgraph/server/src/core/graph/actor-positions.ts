/** Which of an actor's positions was held on a date. */

export interface HeldPosition {
  title?: string | null;
  from?: string | null;
  to?: string | null;
}

const day = (value: string | Date): string => new Date(value).toISOString().slice(0, 10);

/**
 * The position held on `date` (inclusive at both ends; an empty `to` is still held, an empty `from`
 * has always been). When terms overlap (an acting role during a handover), the one that began last
 * is the one a reader means. Null when none was held.
 */
export function positionOn<Position extends HeldPosition>(positions: readonly Position[] | null | undefined, date: string | Date): Position | null {
  const on = day(date);
  const held = (positions ?? []).filter((position) => (!position.from || day(position.from) <= on) && (!position.to || on <= day(position.to)));
  if (held.length === 0) return null;
  return held.reduce((latest, position) => ((position.from ? day(position.from) : '') > (latest.from ? day(latest.from) : '') ? position : latest));
}

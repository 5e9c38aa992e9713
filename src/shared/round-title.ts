/** How a round is named everywhere: its item's title, and the round's own title when it has one. */
export function roundTitle(round: { itemTitle: string; title?: string | undefined }, separator = ': '): string {
  return round.title ? `${round.itemTitle}${separator}${round.title}` : round.itemTitle;
}

/**
 * The core's messages about one key result, placed beside the field they concern. The core names the
 * option a message is about first ("series 'x' not found; …", "targetMax (5) is below target (9): …"),
 * so the first word decides; a message that names no field ("no data in the period") goes under the key
 * result as a whole.
 */
export type MessageField =
  | 'series'
  | 'kind'
  | 'period'
  | 'baseline'
  | 'target'
  | 'targetMax'
  | 'targetSeries'
  | 'targetMaxSeries'
  | 'targets'
  | 'reducer'
  | 'weight'
  | 'milestones'
  | 'each'
  | 'keyResult';

const FIRST_WORD: ReadonlyArray<[RegExp, MessageField]> = [
  [/^series\b/, 'series'],
  [/^kind\b/, 'kind'],
  [/^period\b/, 'period'],
  [/^baseline\b/, 'baseline'],
  [/^targetMaxSeries\b/, 'targetMaxSeries'],
  [/^targetMax\b/, 'targetMax'],
  [/^targetSeries\b/, 'targetSeries'],
  [/^targets\b/, 'targets'],
  [/^target\b/, 'target'],
  [/^reducer\b/, 'reducer'],
  [/^weight\b/, 'weight'],
  [/^milestones?\b/, 'milestones'],
  [/^each\b/, 'each'],
];

export function messageField(message: string): MessageField {
  return FIRST_WORD.find(([pattern]) => pattern.test(message))?.[1] ?? 'keyResult';
}

export type MessagesByField = Partial<Record<MessageField, string[]>>;

/** Groups messages by field, each message once (the core may repeat one from two checks). */
export function groupMessages(messages: readonly string[]): MessagesByField {
  const grouped: MessagesByField = {};
  for (const message of new Set(messages)) {
    const field = messageField(message);
    grouped[field] = [...(grouped[field] ?? []), message];
  }
  return grouped;
}

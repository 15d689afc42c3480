// Rules for free text typed at the desk. Text is stored NFC exactly as typed (after trimming the edges);
// control characters, invisible format characters and emoji are refused because they break printed forms
// and the national portal's exports.

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this rule
const CONTROL_EXCEPT_NEWLINE = /[\p{Cf}\p{Co}\p{Cs}]|[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

export function normalizeTyped(text: string): string {
  return text.normalize('NFC').trim();
}

export type TextProblem = 'control' | 'emoji' | null;

export function findTextProblem(text: string, allowNewlines: boolean): TextProblem {
  if ((allowNewlines ? CONTROL_EXCEPT_NEWLINE : CONTROL_OR_FORMAT).test(text)) return 'control';
  if (PICTOGRAPHIC.test(text)) return 'emoji';
  return null;
}

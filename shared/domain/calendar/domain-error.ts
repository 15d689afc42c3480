/**
 * Base class for rule violations raised by the pure domain core.
 *
 * Every error carries a stable machine `code` (for the API layer to map onto its own error envelope),
 * a Vietnamese message for the UI and an English message for logs. `message` is the English one so that
 * stack traces and log lines stay readable for developers.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly messageVi: string;
  readonly messageEn: string;

  protected constructor(code: Code, messageEn: string, messageVi: string) {
    super(messageEn);
    this.name = new.target.name;
    this.code = code;
    this.messageEn = messageEn;
    this.messageVi = messageVi;
  }
}

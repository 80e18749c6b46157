// `dossier.promptAnnotation`: the server's annotating code actions ("Mark claim disputed…",
// "This is <actor>…", "Add note…") reach clients that announce they run this command, which
// asks for a note and a link, then has the server write the annotation (`dossier.annotate`
// through workspace/executeCommand). This module holds the parts that need no VS Code.

/** The command the server puts in such code actions. */
export const PROMPT_ANNOTATION = "dossier.promptAnnotation";

/** The server's command that writes an annotation. */
export const ANNOTATE = "dossier.annotate";

/** The key under the client's `experimental` capabilities that says we run the command. */
export const CAPABILITY = "dossierPromptAnnotation";

/** What can be asked for, with the prompt shown. */
export const QUESTIONS: Record<string, { prompt: string; placeHolder: string }> = {
  note: { prompt: "dossier: a note for this annotation", placeHolder: "e.g. confirmed by the ministry's statement" },
  link: { prompt: "dossier: the source that settles it (a link, optional)", placeHolder: "https://…" },
};

export interface PromptAnnotation {
  /** The request for `dossier.annotate`, less the answers. */
  request: Record<string, unknown>;
  ask: string[];
  /** An answer that may not be left empty. */
  required?: string;
}

/** Adds the capability to the client capabilities `initialize` sends, keeping what is there. */
export function announce(capabilities: { experimental?: unknown }): void {
  const experimental = typeof capabilities.experimental === "object" && capabilities.experimental !== null ? capabilities.experimental : {};
  capabilities.experimental = { ...experimental, [CAPABILITY]: true };
}

/** The command's one argument, checked; a string says what is wrong with it. */
export function parseArguments(args: unknown[]): PromptAnnotation | string {
  const a = args[0] as Record<string, unknown> | null | undefined;
  if (args.length !== 1 || typeof a !== "object" || a === null) {
    return `expected one argument { uri, motivation, quote, start, end, ask }, got ${JSON.stringify(args)}`;
  }
  if (typeof a.uri !== "string" || typeof a.motivation !== "string" || typeof a.quote !== "string") {
    return `no uri, motivation or quote in ${JSON.stringify(a)}`;
  }
  const ask = Array.isArray(a.ask) ? a.ask.filter((q): q is string => typeof q === "string" && q in QUESTIONS) : [];
  const { ask: _ask, required, ...request } = a;
  return { request, ask, required: typeof required === "string" ? required : undefined };
}

/** Asks each question in turn (`input` resolves to undefined when the user cancels); returns
 * the request with the answers, or undefined when cancelled or a required answer is empty. */
export async function complete(
  prompt: PromptAnnotation,
  input: (question: { prompt: string; placeHolder: string }) => Thenable<string | undefined> | Promise<string | undefined>,
): Promise<Record<string, unknown> | undefined> {
  const request: Record<string, unknown> = { ...prompt.request };
  for (const key of prompt.ask) {
    const answer = await input(QUESTIONS[key]);
    if (answer === undefined) return undefined;
    if (answer.trim() !== "") request[key] = answer.trim();
    else if (prompt.required === key) return undefined;
  }
  return request;
}

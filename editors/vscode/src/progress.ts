// The status bar text for the server's work-done progress (title "Indexing articles").
// Pure: extension.ts feeds it the `$/progress` values.

export interface ProgressBegin {
  kind: "begin";
  title: string;
  message?: string;
  percentage?: number;
}
export interface ProgressReport {
  kind: "report";
  message?: string;
  percentage?: number;
}
export interface ProgressEnd {
  kind: "end";
  message?: string;
}
export type ProgressValue = ProgressBegin | ProgressReport | ProgressEnd;

export interface StatusView {
  text: string;
  tooltip: string;
  busy: boolean;
}

export class ProgressTracker {
  title = "";
  private message: string | undefined;
  private percentage: number | undefined;
  busy = false;

  update(v: ProgressValue): StatusView {
    if (v.kind === "begin") {
      this.busy = true;
      this.title = v.title;
      this.message = v.message;
      this.percentage = v.percentage;
    } else if (v.kind === "report") {
      if (v.message !== undefined) this.message = v.message;
      if (v.percentage !== undefined) this.percentage = v.percentage;
    } else {
      this.busy = false;
      this.message = v.message;
      this.percentage = undefined;
    }
    return this.view();
  }

  view(): StatusView {
    if (this.busy) {
      const pct = this.percentage !== undefined ? ` ${Math.round(this.percentage)}%` : "";
      const msg = this.message ? ` — ${this.message}` : "";
      return {
        text: `$(sync~spin) dossier: ${this.title || "working"}${pct}`,
        tooltip: `${this.title}${msg}`,
        busy: true,
      };
    }
    return {
      text: "$(book) dossier",
      tooltip: this.message ? `dossier: ${this.message}` : "dossier: ready",
      busy: false,
    };
  }
}

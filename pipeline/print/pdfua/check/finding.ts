// One failed checkpoint of the Matterhorn Protocol (the PDF/UA-1 test catalogue), as the
// checker reports it: the checkpoint's number, what is wrong, and where, when it can say.
export interface Finding {
  /** Matterhorn checkpoint, e.g. `06-001`; `outline` for the outline-matches-headings check. */
  checkpoint: string;
  message: string;
  /** 1-based page, where the failure is on a page. */
  page?: number;
}

export const finding = (checkpoint: string, message: string, page?: number): Finding => ({ checkpoint, message, ...(page ? { page } : {}) });

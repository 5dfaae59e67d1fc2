declare namespace App {
  interface Locals {
    /**
     * Set by a page that shows several excerpts as one text (a vignette): the number each
     * excerpt's first line carries, so "line 9" names one line across them. Read by `<Excerpt>`.
     */
    excerptFirstLines?: ReadonlyMap<string, number>;
  }
}

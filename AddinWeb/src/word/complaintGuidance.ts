/** Word's search accepts at most 255 characters; longer evidence is found by its beginning. */
const maxSearchLength = 255;

/**
 * Appends the team's standard klagevejledning at the end of the letter, one Word paragraph per text paragraph, the
 * first (the heading) in bold. The next suggestion reads the body again and finds it, so the check clears.
 */
export async function insertComplaintGuidance(paragraphs: readonly string[]): Promise<void> {
  if (paragraphs.length === 0) return;
  await Word.run(async (context) => {
    const body = context.document.body;
    paragraphs.forEach((text, index) => {
      const paragraph = body.insertParagraph(text, "End");
      paragraph.font.bold = index === 0;
    });
    await context.sync();
  });
}

/**
 * Highlights every evidence sentence in the body (a klagevejledning that must go, a question) and selects the first,
 * which scrolls it into view. Word searches within a paragraph, so a heading and the sentence under it are looked
 * up line by line. Returns how many lines were found.
 */
export async function highlightEvidence(sentences: readonly string[]): Promise<number> {
  const needles = sentences.flatMap((s) => s.split(/\r?\n|\r/))
    .map((line) => line.replace(/\s+/g, " ").trim().slice(0, maxSearchLength)).filter((line) => line.length > 0);
  if (needles.length === 0) return 0;
  return Word.run(async (context) => {
    const matches = needles.map((needle) => context.document.body.search(needle, { matchCase: false }).getFirstOrNullObject());
    matches.forEach((m) => m.load("isNullObject"));
    await context.sync();
    const found = matches.filter((m) => !m.isNullObject);
    found.forEach((m) => { m.font.highlightColor = "Yellow"; });
    found[0]?.select();
    await context.sync();
    return found.length;
  });
}

/** Word's search accepts at most 255 characters; longer evidence is found by its beginning. */
const maxSearchLength = 255;

/** Finds the evidence phrase in the body, selects it (which scrolls it into view) and says whether it was found. */
export async function selectEvidence(phrase: string): Promise<boolean> {
  const needle = phrase.replace(/\s+/g, " ").trim().slice(0, maxSearchLength);
  if (needle.length === 0) return false;
  return Word.run(async (context) => {
    const match = context.document.body.search(needle, { matchCase: false }).getFirstOrNullObject();
    match.load("isNullObject");
    await context.sync();
    if (match.isNullObject) return false;
    match.select();
    await context.sync();
    return true;
  });
}

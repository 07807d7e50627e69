import assert from "node:assert/strict";
import { test } from "node:test";
import { readComposedMail, saveChoiceOnMail } from "../../src/outlook/compose";
import { handledCategory, markMailHandled, readCategories, unmarkMailHandled } from "../../src/outlook/read";
import { mockOutlook } from "./outlookMock";

test("compose read gives subject, body, recipients and the stored choice", async () => {
  const { item } = mockOutlook({ subject: "Afgørelse", body: "Tekst", to: ["a@b.dk"], stored: { SmartPostSvarmulighed: "Uden", SmartPostModtager: '{"idType":"CPR","id":"0101901234"}' } });
  const mail = await readComposedMail(item as never);
  assert.equal(mail.subject, "Afgørelse");
  assert.equal(mail.bodyText, "Tekst");
  assert.deepEqual(mail.recipients, ["a@b.dk"]);
  assert.equal(mail.chosenOption, "WithoutReply");
  assert.deepEqual(mail.recipient, { idType: "CPR", id: "0101901234" });
});

test("the compose choice is stored on the item for the send check", async () => {
  const { item, stored } = mockOutlook({ subject: "s", body: "b" });
  await saveChoiceOnMail(item as never, "WithReply", { idType: "CVR", id: "12345678" });
  assert.equal(stored["SmartPostSvarmulighed"], "Med");
  assert.equal((await readComposedMail(item as never)).recipient?.id, "12345678");
});

test("marking a read mail handled adds the category once, and undo removes it", async () => {
  const { item } = mockOutlook({ subject: "s", body: "b", categories: ["Rød"] });
  assert.deepEqual(await markMailHandled(item as never), ["Rød", handledCategory]);
  assert.deepEqual(await markMailHandled(item as never), ["Rød", handledCategory]);
  assert.deepEqual(await unmarkMailHandled(item as never), ["Rød"]);
  assert.deepEqual(await readCategories(item as never), ["Rød"]);
});

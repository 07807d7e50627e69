// TEST ONLY: an Office.js stand-in served by Playwright in place of the Microsoft CDN URL. Never shipped.
// The document/mail comes from window.__fakeOffice (set by the test through addInitScript).
(() => {
  const fake = window.__fakeOffice || { host: "Word", doc: { title: "", text: "", properties: {} } };
  const doc = fake.doc || { title: "", text: "", properties: {} };
  window.__fakeOffice = fake;
  fake.selections = [];
  const ok = (value) => ({ status: "succeeded", value });
  const item = fake.mail && {
    subject: fake.mailMode === "compose" ? { getAsync: (cb) => cb(ok(fake.mail.subject)) } : fake.mail.subject,
    body: { getAsync: (_t, cb) => cb(ok(fake.mail.body)) },
    to: { getAsync: (cb) => cb(ok((fake.mail.to || []).map((emailAddress) => ({ emailAddress })))) },
    internetMessageId: fake.mail.internetMessageId || "<x@y>",
    from: { emailAddress: "borger@example.dk" },
    categories: {
      getAsync: (cb) => cb(ok((fake.mail.categories ||= []).map((displayName) => ({ displayName })))),
      addAsync: (names, cb) => { fake.mail.categories.push(...names); cb(ok()); },
      removeAsync: (names, cb) => { fake.mail.categories = fake.mail.categories.filter((c) => !names.includes(c)); cb(ok()); },
    },
    loadCustomPropertiesAsync: (cb) => cb(ok({
      get: (k) => (fake.mail.props ||= {})[k], set: (k, v) => { (fake.mail.props ||= {})[k] = v; }, remove: (k) => { delete (fake.mail.props ||= {})[k]; },
      saveAsync: (cb2) => cb2(ok()),
    })),
  };
  window.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text" },
    EventType: { DocumentSelectionChanged: "documentSelectionChanged" },
    context: {
      displayLanguage: fake.displayLanguage || "da-DK",
      document: { addHandlerAsync: (_e, handler) => { fake.changed = handler; } },
      mailbox: item ? { item } : undefined,
    },
    onReady: (cb) => { const info = { host: fake.host, platform: "PC" }; setTimeout(() => cb && cb(info)); return Promise.resolve(info); },
    actions: { associate: () => {} },
    auth: { getAccessToken: () => Promise.reject(new Error("no SSO in tests")) },
  };
  const prop = (key) => ({ key, get isNullObject() { return !(key in doc.properties); }, get value() { return doc.properties[key]; }, load() {} });
  const context = {
    document: {
      body: {
        get text() { return doc.text; }, load() {},
        search: (needle) => ({ getFirstOrNullObject: () => ({
          isNullObject: !doc.text.toLowerCase().includes(needle.toLowerCase()), load() {},
          select: () => fake.selections.push(needle),
        }) }),
      },
      properties: {
        get title() { return doc.title; }, load() {},
        customProperties: { getItemOrNullObject: prop, add: (key, value) => { doc.properties[key] = value; } },
      },
    },
    sync: () => Promise.resolve(),
  };
  window.Word = { run: (fn) => fn(context) };
})();
